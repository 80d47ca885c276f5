// The practice page's frame while its prompt loads or fails to.

export function Page({ children }: { children: preact.ComponentChildren }) {
  return (
    <main id="main" tabIndex={-1} class="page">
      {children}
    </main>
  )
}
