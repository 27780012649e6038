export function remarkSectionLinks(_options: unknown) {
  return () => {}
}
