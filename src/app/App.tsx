export function App() {
  return <main>Event Flow Designer</main>;
}
