/**
 * The only user-facing strings of the main process: the application menu and the About box, in
 * Kazakh (first) and Russian. The renderer's catalogs cannot be used here (they live in the web
 * bundle), so this one typed table is kept complete for both languages by the type itself.
 * Terms follow the renderer's catalogs: "Іс пакеті / Пакет дел" (bundle), "Кеңсе профилі /
 * Профиль отдела" (office profile).
 */
import type { UiLanguage } from '@shared/ipc';

export interface MenuLabels {
  readonly file: string;
  readonly importBundle: string;
  readonly export: string;
  readonly backup: string;
  readonly print: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly resetZoom: string;
  readonly fullScreen: string;
  /** Only in an unpackaged (development) start. */
  readonly devTools: string;
  readonly help: string;
  readonly about: string;
  /** The Help menu's version line. */
  version(version: string): string;
  readonly officeProfile: string;
  /** The About box. */
  readonly aboutTitle: string;
  readonly aboutDescription: string;
  readonly close: string;
}

export const MENU_LABELS: Readonly<Record<UiLanguage, MenuLabels>> = {
  kk: {
    file: 'Файл',
    importBundle: 'Іс пакетін импорттау…',
    export: 'Экспорттау…',
    backup: 'Сақтық көшірме жасау…',
    print: 'Басып шығару…',
    quit: 'Шығу',
    edit: 'Түзету',
    undo: 'Болдырмау',
    redo: 'Қайтару',
    cut: 'Қиып алу',
    copy: 'Көшіру',
    paste: 'Қою',
    selectAll: 'Барлығын белгілеу',
    view: 'Көрініс',
    zoomIn: 'Үлкейту',
    zoomOut: 'Кішірейту',
    resetZoom: 'Қалыпты өлшем',
    fullScreen: 'Толық экран',
    devTools: 'Әзірлеуші құралдары',
    help: 'Анықтама',
    about: 'Қамқор туралы',
    version: (version) => `Нұсқа ${version}`,
    officeProfile: 'Кеңсе профилі',
    aboutTitle: 'Қамқор туралы',
    aboutDescription: 'Аудандық әлеуметтік қорғау бөлімдерінің желісіз жұмыс істейтін кеңсесі.',
    close: 'Жабу',
  },
  ru: {
    file: 'Файл',
    importBundle: 'Импорт пакета дел…',
    export: 'Экспорт…',
    backup: 'Резервная копия…',
    print: 'Печать…',
    quit: 'Выход',
    edit: 'Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    view: 'Вид',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    resetZoom: 'Исходный размер',
    fullScreen: 'Во весь экран',
    devTools: 'Инструменты разработчика',
    help: 'Справка',
    about: 'О программе «Қамқор»',
    version: (version) => `Версия ${version}`,
    officeProfile: 'Профиль отдела',
    aboutTitle: 'О программе «Қамқор»',
    aboutDescription: 'Офлайн-канцелярия районных отделов социальной защиты.',
    close: 'Закрыть',
  },
};
