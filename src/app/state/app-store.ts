// The app's single store, wired to a lazily started engine worker and the
// browser's address bar.
import { createEngine } from '../../worker/engine-client';
import { browserAddressBar } from './navigator';
import { createAppStore } from './store';

export const engine = createEngine();
export const useAppStore = createAppStore(engine, browserAddressBar());
