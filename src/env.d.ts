declare module 'virtual:handbook/site-data' {
  const siteData: import('../integration/site-data-shape.ts').SiteData
  export default siteData
}
