/** What the containers (the App and the main view) get: the state to read and the actions to call. */
import type { Actions } from '../actions/index.js';
import type { AppState } from '../state.js';

/** The panel's state and actions, for the components that wire them into the leaf components' own props. */
export interface PanelProps {
  state: AppState;
  actions: Actions;
}
