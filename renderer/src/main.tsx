import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { QamqorDb } from './db/database';
import { initI18n } from './i18n';
import { detectPlatform } from './platform';
import './styles.css';

async function start(): Promise<void> {
  await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing in index.html');
  createRoot(root).render(
    <StrictMode>
      <App services={{ db: new QamqorDb(), platform: detectPlatform() }} />
    </StrictMode>,
  );
}

void start();
