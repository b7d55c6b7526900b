// The open invitations of the users page and of an entry's team page: address, what the invitation
// is for, until when it is valid and who sent it; resend and revoke where the page allows them.
import { ActionButton } from '@/components/forms/action-button';
import type { FormState } from '@/components/forms/form-state';

interface OpenInvitation {
  id: string;
  email: string;
  expiresAt: Date;
  invitedBy: { name: string } | null;
}

type InvitationAction = (state: FormState, formData: FormData) => Promise<FormState>;

export function OpenInvitations<I extends OpenInvitation>({
  invitations,
  heading,
  none,
  detail,
  validUntil,
  invitedBy,
  actions,
}: {
  invitations: I[];
  heading: string;
  none: string;
  // What follows the address (the role and organizations, or the invited person's name).
  detail: (invitation: I) => string;
  validUntil: (expiresAt: Date) => string;
  invitedBy: (name: string) => string;
  // Resend and revoke (with their button labels), or nothing where the viewer may not.
  actions?: (invitation: I) => { resend: InvitationAction; revoke: InvitationAction; resendLabel: string; revokeLabel: string };
}) {
  return (
    <>
      <h2 className="admin-h2">{heading}</h2>
      {invitations.length === 0 ? <p>{none}</p> : null}
      <ul className="space-y-2">
        {invitations.map((invitation) => {
          const buttons = actions?.(invitation);
          return (
            <li key={invitation.id} className="flex flex-wrap items-center gap-3">
              <span>
                {invitation.email}
                {detail(invitation)}
                {validUntil(invitation.expiresAt)}
                {invitation.invitedBy ? invitedBy(invitation.invitedBy.name) : ''}
              </span>
              {buttons ? (
                <>
                  <ActionButton action={buttons.resend} label={buttons.resendLabel} />
                  <ActionButton action={buttons.revoke} label={buttons.revokeLabel} variant="danger" />
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
