import { ExchangeActions } from '../exchange/ExchangeActions';

/**
 * The toolbar's slot for actions on the whole design that other features contribute
 * (Export, Import…). Add a feature's buttons here; the toolbar lays them out.
 */
export function ToolbarActions() {
  return <div className="toolbar__group toolbar__actions" data-testid="toolbar.actions"><ExchangeActions /></div>;
}
