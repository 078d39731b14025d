/** The core's tasks for running on the page (no Worker), in one chunk loaded on demand. */
export { checkTask, narrativeCheckTask, narrativeTask, paramsTask } from '../worker/tasks';
