// The app's single store, wired to a lazily started engine worker.
import { createEngine } from '../../worker/engine-client';
import { createAppStore } from './store';

export const useAppStore = createAppStore(createEngine());
