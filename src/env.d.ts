declare module 'virtual:handbook/site-data' {
  const siteData: import('../integration/site-data-shape.ts').SiteData
  export default siteData
}
declare module 'virtual:handbook/page-site-data' {
  const siteData: import('../integration/site-data-shape.ts').PageSiteData
  export default siteData
}
