// IndexedDB for every unit test that touches Dexie; harmless for the others.
import 'fake-indexeddb/auto';
