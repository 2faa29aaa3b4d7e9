/** Every component gets the state to read and the actions to call. */
import type { Actions } from '../actions/index.js';
import type { AppState } from '../state.js';

export interface PanelProps {
  state: AppState;
  actions: Actions;
}
