// Team mode's settings (STARBOARD_MODE=team): read from the environment, each mistake refused with one line.

type SignupPolicy = 'open' | 'invite'

interface OidcSettings {
  issuer: string
  clientId: string
  clientSecret: string
}

export interface TeamOptions {
  /** Signs session cookies and tokens (STARBOARD_SECRET). */
  secret: string
  /** Who may create an account: anyone (open), or only a holder of a cohort invite (invite, the default). */
  signup: SignupPolicy
  /** The address people open, e.g. https://starboard.example.edu; cookies and origin checks are bound to it. */
  baseURL: string
  /** OpenID Connect sign-in, when STARBOARD_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET are all set. */
  oidc?: OidcSettings
  /**
   * The reverse proxies in front (STARBOARD_TRUST_PROXY: addresses or CIDR ranges, comma-separated) whose
   * X-Forwarded-For names the client, so limits count per person rather than per proxy.
   */
  trustProxy?: string
}

const MIN_SECRET_LENGTH = 32

/**
 * Team mode's options, or undefined in local mode (STARBOARD_MODE unset or `local`). Throws an Error with one line
 * naming the variable when the environment is incomplete or wrong; `fallbackURL` is the address the server
 * listens on, used when STARBOARD_URL is not given.
 */
export function teamOptionsFromEnv(
  env: Record<string, string | undefined>,
  fallbackURL: string,
): TeamOptions | undefined {
  const mode = env.STARBOARD_MODE ?? ''
  if (mode === '' || mode === 'local') return undefined
  if (mode !== 'team') throw new Error(`STARBOARD_MODE must be 'local' or 'team', not '${mode}'`)
  const secret = env.STARBOARD_SECRET ?? ''
  if (secret === '') {
    throw new Error(
      'STARBOARD_SECRET is required in team mode: set it to a long random value, e.g. the output of `openssl rand -base64 48`',
    )
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`STARBOARD_SECRET must be at least ${MIN_SECRET_LENGTH} characters long in team mode`)
  }
  const signup = env.STARBOARD_SIGNUP || 'invite'
  if (signup !== 'open' && signup !== 'invite') {
    throw new Error(`STARBOARD_SIGNUP must be 'open' or 'invite', not '${signup}'`)
  }
  const baseURL = env.STARBOARD_URL || fallbackURL
  let url: URL
  try {
    url = new URL(baseURL)
  } catch {
    throw new Error(
      `STARBOARD_URL must be the address people open, such as https://starboard.example.edu, not '${baseURL}'`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`STARBOARD_URL must start with http:// or https://, not '${baseURL}'`)
  }
  const options: TeamOptions = { secret, signup, baseURL: url.origin }
  const issuer = env.STARBOARD_OIDC_ISSUER ?? ''
  const clientId = env.STARBOARD_OIDC_CLIENT_ID ?? ''
  const clientSecret = env.STARBOARD_OIDC_CLIENT_SECRET ?? ''
  if (issuer !== '' && clientId !== '' && clientSecret !== '')
    options.oidc = { issuer, clientId, clientSecret }
  const proxies = (env.STARBOARD_TRUST_PROXY ?? '').trim()
  if (proxies !== '') {
    if (!/^[0-9a-fA-F.:/,\s]+$/.test(proxies)) {
      throw new Error(
        `STARBOARD_TRUST_PROXY must list the proxies' addresses or CIDR ranges, comma-separated (e.g. 127.0.0.1,10.0.0.0/8), not '${proxies}'`,
      )
    }
    options.trustProxy = proxies
  }
  return options
}
