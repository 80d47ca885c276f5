// Listening for server events: one EventSource for every listener, opened with the first and closed after the last.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { onServerEvent } from '../../client/events'

class FakeEventSource {
  static opened: FakeEventSource[] = []
  closed = false
  private readonly handlers = new Map<string, (() => void)[]>()
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this)
  }
  addEventListener(name: string, handler: () => void) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler])
  }
  emit(name: string) {
    for (const h of this.handlers.get(name) ?? []) h()
  }
  close() {
    this.closed = true
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  FakeEventSource.opened = []
})

describe('onServerEvent', () => {
  it('shares one stream between listeners, calls each on its event, and closes after the last leaves', () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const calls: string[] = []
    const stopA = onServerEvent('rubrics', () => calls.push('a'))
    const stopB = onServerEvent('rubrics', () => calls.push('b'))
    expect(FakeEventSource.opened.map((s) => s.url)).toEqual(['/api/events'])
    const stream = FakeEventSource.opened[0]!
    stream.emit('rubrics')
    expect(calls).toEqual(['a', 'b'])
    stopA()
    stream.emit('rubrics')
    expect(calls).toEqual(['a', 'b', 'b'])
    expect(stream.closed).toBe(false)
    stopB()
    expect(stream.closed).toBe(true)
    // A new listener opens a new stream.
    const stopC = onServerEvent('rubrics', () => calls.push('c'))
    expect(FakeEventSource.opened).toHaveLength(2)
    stopC()
  })

  it('does nothing where there is no EventSource (a test or an old browser)', () => {
    vi.stubGlobal('EventSource', undefined)
    const stop = onServerEvent('rubrics', () => undefined)
    expect(FakeEventSource.opened).toEqual([])
    stop()
  })
})
