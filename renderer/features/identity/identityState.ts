// This computer's reader key, which a reader sends to the chief of staff so that
// confidential packs can be encrypted to them. Loaded once, when first shown.
import { create } from 'zustand';
import type { ReaderIdentity } from '../../../shared/api';
import { api } from '../../api';
import { asError } from '../../state/load';

interface IdentityState {
  identity: ReaderIdentity | null;
  error: string | null;
  copied: boolean;
}

export const useIdentity = create<IdentityState>(() => ({ identity: null, error: null, copied: false }));

export async function loadIdentity(): Promise<void> {
  if (useIdentity.getState().identity) return;
  try {
    useIdentity.setState({ identity: await api.identity({}), error: null });
  } catch (err) {
    useIdentity.setState({ error: asError(err).message });
  }
}

export async function copyPublicKey(): Promise<void> {
  const identity = useIdentity.getState().identity;
  if (!identity) return;
  try {
    await navigator.clipboard.writeText(identity.publicKey);
    useIdentity.setState({ copied: true });
  } catch {
    // Permissions are denied in the desktop app; the key is selectable text instead.
    useIdentity.setState({ copied: false });
  }
}
