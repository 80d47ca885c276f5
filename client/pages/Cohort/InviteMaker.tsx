// An instructor's control for one cohort: makes an invite link, shows it once and revokes it.

import { useState } from 'preact/hooks'
import type { Invite } from '../../../contract/team'
import { teamApi } from '../../team-api'
import { InviteLink } from './InviteLink'

export function InviteMaker({ cohortId }: { cohortId: number }) {
  const [invite, setInvite] = useState<Invite | undefined>()
  const [note, setNote] = useState<string | undefined>()
  const make = async () => {
    try {
      setInvite(await teamApi.createInvite(cohortId))
      setNote(undefined)
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e))
    }
  }
  const revoke = async () => {
    if (invite === undefined) return
    await teamApi.revokeInvite(cohortId, invite.id)
    setInvite(undefined)
    setNote('Revoked: that link no longer works.')
  }
  return (
    <div class="invite-maker">
      <button type="button" onClick={() => void make()} data-testid={`make-invite-${cohortId}`}>
        New invite link
      </button>
      {invite && <InviteLink invite={invite} onRevoke={() => void revoke()} />}
      {note && <p role="status">{note}</p>}
    </div>
  )
}
