import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaffUser } from '../../data/client.ts';
import { useClient } from '../../data/client-context.tsx';
import { fromOfficeWeights, readSaved, toOfficeWeights, writeSaved } from './weights.ts';

/** Where a user's weights are kept: their office's, on the server, or this device's. */
export interface SavedWeightsState {
  /** Saved weights by URL name (empty until loaded). */
  saved: Record<string, string>;
  /** 'office' for a concertador (shared with their office), 'device' otherwise. */
  where: 'office' | 'device';
  save(next: Record<string, string>): void;
}

const storage = () => (typeof window === 'undefined' ? undefined : window.localStorage);

/**
 * The target-score weights a user works with: a concertador's are their office's, saved on the
 * server (a slider's moves are sent once the hand rests); other staff keep theirs on this device.
 */
export function useSavedWeights(user: StaffUser): SavedWeightsState {
  const client = useClient();
  const office = user.role === 'concertador';
  const [saved, setSaved] = useState<Record<string, string>>(() => (office ? {} : readSaved(storage(), user.username)));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<Record<string, string> | null>(null);
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = null;
    if (next) void client.saveOfficeWeights(toOfficeWeights(next)).catch(() => undefined);
  }, [client]);
  useEffect(() => {
    if (!office) return;
    let live = true;
    client.officeWeights().then((w) => live && !pending.current && setSaved(fromOfficeWeights(w)), () => undefined);
    // A weight moved just before leaving the page is still saved.
    window.addEventListener('pagehide', flush);
    return () => {
      live = false;
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [client, office, flush]);
  const save = useCallback((next: Record<string, string>) => {
    setSaved(next);
    if (!office) {
      writeSaved(storage(), user.username, next);
      return;
    }
    pending.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, 400);
  }, [office, user.username, flush]);
  return { saved, where: office ? 'office' : 'device', save };
}
