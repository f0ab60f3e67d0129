// Each capability's part of the demo data set registers itself on import; order matters
// (the catalogue names entities that the registry creates).
import '../registry/registry.demo'
import '../catalogue/catalogue.demo'
import '../duties/duties.demo'
// 裁量基准 and 免罚清单 for the catalogue's penalty items (cases pick their benchmark from these).
import '../discretion/discretion.demo'
// 云执法 last: it inspects the enterprises with the officers and items the parts above created.
import '../inspections/inspections.demo'
// 行政处罚 after 云执法: cases start from inspections whose result was 移送立案.
import '../cases/cases.demo'
// 社会监督 after 云执法 and cases: volunteers observe inspections, transfers name units.
import '../social/social.demo'
// 执法监督 after 行政处罚: the 2025 一函三书, their rectification tasks and the 普法提示单.
import '../supervision/supervision.demo'
// 案卷评查 after 行政处罚 (it samples the closed cases) and before 存证 (its frozen pools get leaves).
import '../review/review.demo'
// 存证 must stay the very last part: it puts a ledger leaf on every record the parts above seeded.
import '../ledger/ledger.demo'
export {}
