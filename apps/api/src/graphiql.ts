/** The query GraphiQL opens on. */
export const STORY_QUERY = `# CycleLens: is a new cycle starting, and are small caps leading?
query Story {
  instrument(symbol: "IWM") {
    symbol
    name
    isDemo
    bars(range: { from: "2024-01-01", to: "2024-12-31" }, first: 5) {
      totalCount
      edges { node { date close adjClose volume } }
    }
  }
}
`;
