// Serves the built Preact client from dist/client, with app paths falling back to index.html.

import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { errorBody } from '../errors'

/** Paths that belong to the API or its documentation: a miss there is a JSON 404, never the app. */
const API_PATH = /^\/(api|docs)(\/|$)/
/** A path naming a file (an extension) that does not exist is a 404, not the app. */
const FILE_PATH = /\/[^/]+\.[A-Za-z0-9]+$/

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Starboard: UI not built</title></head>
<body>
<h1>Starboard</h1>
<p>The server is running, but the browser UI is not built yet.</p>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it when needed), then reload this page.</p>
<p>The API is documented at <a href="/docs">/docs</a>.</p>
</body>
</html>
`

/**
 * Registers static serving when `dir/index.html` exists, and the not-found handler that sends
 * app paths (e.g. /history/12) to index.html so the client's router can take them. Without a
 * build, app paths answer a page saying how to build the UI. Must run in the root context.
 */
export async function serveClient(app: FastifyInstance, dir: string): Promise<void> {
  const built = existsSync(join(dir, 'index.html'))
  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      cacheControl: false,
      setHeaders(res, path) {
        // Vite puts content hashes in asset names, so they never change; index.html must be revalidated.
        res.setHeader(
          'cache-control',
          path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE),
    )
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/'
    const appPage =
      (request.method === 'GET' || request.method === 'HEAD') && !API_PATH.test(path) && !FILE_PATH.test(path)
    if (!appPage) {
      return reply
        .code(404)
        .send(errorBody(404, `No route ${request.method} ${path}; the API is listed at /docs`))
    }
    if (built) return reply.header('cache-control', 'no-cache').sendFile('index.html')
    return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE)
  })
}
