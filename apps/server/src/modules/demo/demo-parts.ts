// Each capability's part of the demo data set registers itself on import; order matters
// (the catalogue names entities that the registry creates).
import '../registry/registry.demo'
import '../catalogue/catalogue.demo'
import '../duties/duties.demo'
export {}
