// The sign-off as rules:check reports it: a sign-off that no longer matches the content is an error (the content a
// clinician approved is not the content that would ship), a missing one a warning (drafts are allowed, and CI shows
// the warning while the shipped rules are unsigned), a valid one a note.
import { shortHash, type SignoffStatus } from '../rules/content-hash.ts';
import type { Finding } from './finding.ts';

/** The command that (re)records a sign-off for `file`, as a clinician would type it. */
export function signoffCommand(file: string): string {
  return `npm run rules:signoff -- --by "Name, role" ${file}`;
}

export function signoffFindings(status: SignoffStatus, file: string): Finding[] {
  switch (status.state) {
    case 'signed':
      return [
        {
          severity: 'info',
          check: 'sign-off',
          path: ['meta', 'signoff'],
          message: `signed off by ${status.by} on ${status.on}, and the content is unchanged since (${shortHash(status.contentHash)})`,
        },
      ];
    case 'unsigned':
      return [
        {
          severity: 'warning',
          check: 'sign-off',
          path: ['meta'],
          message: `not signed off yet: no clinician has approved this content (${shortHash(status.contentHash)}). After review, record it with: ${signoffCommand(file)}`,
        },
      ];
    case 'stale':
      return [
        {
          severity: 'error',
          check: 'sign-off',
          path: ['meta', 'signoff'],
          message:
            `sign-off no longer matches the content: ${status.by} signed off content ${shortHash(status.signedHash)} on ${status.on}, ` +
            `but the content is now ${shortHash(status.contentHash)}. Have a clinician review what changed ` +
            `(npm run rules:diff -- <signed version> ${file} --impact, the signed version being the file as it was at the ` +
            `sign-off: its copy in rules/history/, or \`git show <commit>:${file}\` saved to a file), then renew it: ${signoffCommand(file)}`,
        },
      ];
  }
}
