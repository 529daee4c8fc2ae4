// Briefbook needs no web permission (camera, notifications, geolocation, HID…): every
// request and every check is denied, for every session that exists now or later.
import { app, session, type Session } from 'electron';

function denyAll(ses: Session): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

export function setupPermissions(): void {
  denyAll(session.defaultSession);
  app.on('session-created', denyAll);
}
