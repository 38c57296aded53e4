// The web views' core: each view's function turns a profile and a ViewRequest
// into the plain data its component draws. The worker's dispatcher
// (src/worker/compute-view.ts) imports the view functions from their files.
export { viewHeader } from './header';
export { viewReport, type ViewReport } from './view-report';
