import { WallPage } from "./wall-page";
import { WallSetupPage } from "./wall-setup-page";

/** `/wall`: the kiosk view. Mounted outside the app layout (no header or navigation on a TV). */
export default function WallRoute() {
  return <WallPage />;
}

/** `/wall/setup`: builds the kiosk URL. */
export { WallSetupPage as WallSetupRoute };
