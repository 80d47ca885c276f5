// A new invite link, shown once for the instructor to copy, with a button that revokes it.

import type { Invite } from '../../../contract/team'
import { dateTime } from '../../format'

export function InviteLink({ invite, onRevoke }: { invite: Invite; onRevoke: () => void }) {
  return (
    <div class="invite" data-testid="invite">
      <label for={`invite-${invite.id}`}>
        Invite link (shown once: copy it now). It works until {dateTime(invite.expiresAt)}.
      </label>
      <input
        id={`invite-${invite.id}`}
        readOnly
        value={invite.url}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" class="small" onClick={onRevoke}>
        Revoke
      </button>
    </div>
  )
}
