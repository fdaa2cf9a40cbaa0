// Every build that leaves the repository (the app, the embed, the release, the npm package) is a production build,
// whatever NODE_ENV says. Vite builds in development mode when NODE_ENV is set to anything but "production":
// Vitest sets NODE_ENV=test, the release tests' `npm run release` inherited it, and the files they checked held
// jsxDEV calls and this machine's paths; a clinic whose shell has NODE_ENV=development would have shipped the same.
// Vite reads NODE_ENV after loading the config, so setting it here is in time. The dev server is left alone.
export function productionBuilds(command: 'build' | 'serve'): void {
  if (command === 'build') process.env.NODE_ENV = 'production';
}
