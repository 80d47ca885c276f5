// The keyboard shortcuts of the practice page, listed under the answer.

export function Shortcuts() {
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        <div>
          <dt>
            <kbd>Ctrl</kbd>/<kbd>⌘</kbd> + <kbd>Enter</kbd>
          </dt>
          <dd>Submit the answer</dd>
        </div>
        <div>
          <dt>
            <kbd>Esc</kbd> in the answer
          </dt>
          <dd>Pause or resume the timer</dd>
        </div>
        <div>
          <dt>
            <kbd>/</kbd> on the prompt list
          </dt>
          <dd>Search prompts</dd>
        </div>
      </dl>
    </section>
  )
}
