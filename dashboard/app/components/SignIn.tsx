import { useState, type FormEvent } from 'react';
import { ClientError } from '../data/client.ts';
import { useClient } from '../data/client-context.tsx';
import { useT } from '../i18n/i18n.tsx';

/** The staff sign-in form; calls `onSignedIn` once the server has set the session cookie. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useT();
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await client.signIn(String(form.get('username')), String(form.get('password')));
      onSignedIn();
    } catch (err) {
      setError(err instanceof ClientError && err.status === 401 ? t('signin.wrong') : t('common.error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="signin" onSubmit={submit} data-testid="signin-form">
      <h2>{t('signin.title')}</h2>
      <p>{t('signin.lead')}</p>
      <label>{t('signin.username')}<input name="username" autoComplete="username" required data-testid="signin-username" /></label>
      <label>{t('signin.password')}<input name="password" type="password" autoComplete="current-password" required data-testid="signin-password" /></label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy} data-testid="signin-submit">{t('signin.submit')}</button>
    </form>
  );
}
