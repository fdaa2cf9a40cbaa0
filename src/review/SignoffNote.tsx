// Whether a clinician's sign-off covers exactly this content, in words and not by colour alone.
import { shortHash, type SignoffStatus } from '../rules/content-hash.ts';

export function SignoffNote({ signoff }: { signoff: SignoffStatus }) {
  const text =
    signoff.state === 'signed'
      ? `Signed off by ${signoff.by} on ${signoff.on}. The content has not changed since.`
      : signoff.state === 'stale'
        ? `Sign-off out of date: ${signoff.by} signed off different content (${shortHash(signoff.signedHash)}) on ${signoff.on}. This content (${shortHash(signoff.contentHash)}) has not been signed off.`
        : 'Not signed off yet: no clinician has approved this content.';
  return (
    <p className={signoff.state === 'signed' ? 'backcheck-review__signed' : 'backcheck-review__unsigned'} role="status">
      <span aria-hidden="true">{signoff.state === 'signed' ? '✓ ' : '! '}</span>
      {text}
    </p>
  );
}
