/**
 * The options page's Simplified Chinese texts: the same keys and `{name}` placeholders as
 * lib/i18n/options-en.ts, written as concise product UI Chinese. zh-CN.ts includes them in the
 * Chinese catalogue. Chinese needs no plural, so the `.one` and `.many` forms read alike.
 */
import type { OptionsKey } from './options-en';

export const OPTIONS_ZH_CN: Readonly<Record<OptionsKey, string>> = {
  // ------------------------------------------------------------------ page
  'options.title': 'ClaimLens 设置',
  'options.loading': '加载中…',
  'options.loadFailed': '无法加载设置：{error}',
  'options.intro': '设置 ClaimLens 如何为您的团队检查索赔照片。所有检查都在本机上运行。',
  'options.managed.one': '其中 1 项设置由您的组织统一管理，已标注“{locked}”，无法在此更改。',
  'options.managed.many': '其中 {count} 项设置由您的组织统一管理，已标注“{locked}”，无法在此更改。',
  'options.locked': '由您的组织设置',
  'options.save': '保存',
  'options.saved': '已保存',
  'options.saveFailed': '无法保存设置：{error}',
  'options.notSaved': '未保存，请更正以下问题：',
  'options.privacy': '除非您主动导出，图片、哈希值和设置都只保存在此浏览器中。',

  // ------------------------------------------------------------------ field labels, by setting path
  'options.field.verdict.reviewAt': '需要复核的起始分数',
  'options.field.verdict.highAt': '高风险的起始分数',
  'options.field.verdict.recommendations.low': '低风险时的下一步',
  'options.field.verdict.recommendations.review': '需要复核时的下一步',
  'options.field.verdict.recommendations.high': '高风险时的下一步',
  'options.field.policy.claimWindowDays': '索赔统计周期（天）',
  'options.field.policy.customerClaimLimit': '每位客户的索赔次数上限',
  'options.field.policy.orderClaimLimit': '每个订单的索赔次数上限',
  'options.field.retentionDays': '案例记录保留天数',
  'options.field.modelEnabled': '启用 AI 图像神经网络检测器',
  'options.field.sites': '客服平台',
  'options.field.customSites': '自有客服平台地址',
  'options.field.yaraRules': 'YARA 规则源代码',
  'options.field.knownBadHashes': '已知欺诈照片的哈希值',

  // ------------------------------------------------------------------ validation messages
  'options.problem.field': '{field}：{problem}',
  'options.problem.wholeNumber': '应为 {min} 到 {max} 之间的整数',
  'options.problem.text': '文本不能超过 {max} 个字符',
  'options.problem.hashListSize': '列表最多只能包含 {max} 个哈希值',
  'options.problem.hashEntries': '应为由 {sha256, pdq, note} 条目组成的列表',
  'options.problem.hashKind': '每个条目都应包含 sha256 或 pdq 哈希值',
  'options.problem.hashFormat': '哈希值应为 64 位小写十六进制数字',
  'options.problem.noteLength': '备注不能超过 {max} 个字符',
  'options.problem.boolean': '应为 true 或 false',
  'options.problem.sites': '应为从网站 ID 到 true/false 的对象',
  'options.problem.origins': '应为 https 地址列表，例如 https://support.example.com',
  'options.problem.above': '必须高于“{other}”',
  'options.problem.notObject': '设置必须是 JSON 对象',

  // ------------------------------------------------------------------ sites
  'options.sites.heading': '网站',
  'options.sites.hint': '这些客服平台上的索赔图片会自动检查。更改从下次加载页面时生效。',
  'options.customSites.hint':
    '使用其他客服平台，或为客服平台绑定了自己的域名？请添加它的 https 地址：浏览器会请您允许 ClaimLens 读取该网站的页面，之后那里的索赔图片就会自动检查。',
  'options.customSites.list': '已添加的客服平台地址',
  'options.customSites.checkingAccess': '正在检查访问权限…',
  'options.customSites.accessGranted': '已获访问权限',
  'options.customSites.accessMissing': '未获访问权限',
  'options.customSites.grant': '授予访问权限',
  'options.customSites.grantLabel': '授予 {origin} 的访问权限',
  'options.customSites.remove': '移除',
  'options.customSites.removeLabel': '移除 {origin}',
  'options.customSites.address': '客服平台地址',
  'options.customSites.add': '添加并允许访问',
  'options.customSites.duplicate': '{origin} 已在列表中。',
  'options.customSites.notAdded': '未获得 {origin} 的访问权限，因此没有添加。',
  'options.customSites.added': '已添加 {origin}。从下次加载页面起，其页面会自动检查。',
  'options.customSites.askFailed': '无法请求 {origin} 的访问权限：{error}',
  'options.customSites.granted': '已获得 {origin} 的访问权限。',
  'options.customSites.refused': '未获得 {origin} 的访问权限。',
  'options.customSites.removed': '已移除 {origin}，ClaimLens 不再能访问该网站。',
  'options.origin.empty': '请输入客服平台的地址，例如 https://support.example.com。',
  'options.origin.notAddress': '“{input}”不是网址。请输入类似 https://support.example.com 的地址。',
  'options.origin.notHttps': '只能添加 https 地址：ClaimLens 不读取未加密传输的客服页面。',
  'options.origin.credentials': '请输入不含用户名和密码的地址。',
  'options.origin.badHost': '“{input}”不是 ClaimLens 可以使用的主机名，主机名应类似 support.example.com。',
  'options.origin.covered': '{origin} 是已支持的客服平台，ClaimLens 已会检查它（见上方列表）。',

  // ------------------------------------------------------------------ verdict
  'options.verdict.heading': '判定',
  'options.verdict.thresholds': '分数阈值',
  'options.verdict.thresholdsHint':
    '每张图片都会得到 0 到 100 的评分，这些阈值把评分划分为风险等级。决定性证据（例如带签名的 AI 生成声明）会直接决定等级。',
  'options.verdict.steps': '建议的下一步',
  'options.verdict.stepsHint':
    '显示在每张图片卡片上，并写入复制的内部备注。默认文本会以每位客服人员的界面语言显示；团队自己填写的文本按原样显示。',

  // ------------------------------------------------------------------ claim policy
  'options.policy.heading': '索赔政策',
  'options.policy.limits': '索赔次数上限',
  'options.policy.hint': '在统计周期内索赔次数超过上限的客户或订单，会被标记为需要复核。次数依据本机的案例记录统计。',

  // ------------------------------------------------------------------ case memory
  'options.memory.heading': '案例记录',
  'options.memory.retention': '保留期限',
  'options.memory.retentionHint':
    'ClaimLens 仅在本机上记录每张索赔照片的指纹及其所属工单，用于发现被重复使用的照片。超过期限的记录会被删除。',
  'options.memory.forget': '清除全部记录',
  'options.memory.forgetHint': '立即清空本机上的案例记录，包括 ClaimLens 保存的所有照片指纹和工单历史。此操作无法撤销。',
  'options.memory.forgetButton': '清除全部记录…',
  'options.memory.question': '要清空本机上的案例记录吗？',
  'options.memory.confirm': '确定清除',
  'options.memory.cancel': '取消',
  'options.memory.done': '已完成：本机上的案例记录已清空。此后检查的照片会重新开始记录。',
  'options.memory.failed': '无法清空案例记录：{error}。',
  'options.memory.noAnswer': '扩展程序没有响应',

  // ------------------------------------------------------------------ neural detector
  'options.model.heading': '神经网络检测器',
  'options.model.legend': '本机模型',
  'options.model.hint': '此版本可能未包含神经网络检测器。缺少时，此开关不起作用，侧边栏会把该检测器列在“此版本尚未检查的项目”下。',

  // ------------------------------------------------------------------ YARA rules
  'options.yara.heading': 'YARA 规则',
  'options.yara.legend': '团队规则',
  'options.yara.about':
    '您的规则会和 ClaimLens 自带的规则（生成工具字符串、内容凭证标签、已知工具标记）一起，扫描每个索赔文件的字节。匹配结果会连同规则的 {description} 元数据显示给客服人员；{points} 指明匹配表示 AI 生成还是经过编辑。',
  'options.yara.hint': '输入时即时检查；点击“保存”后保存。',
  'options.yara.checking': '正在检查规则…',
  'options.yara.checkFailed': '无法检查规则：{error}',
  'options.yara.noAnswer': '扩展程序没有响应',
  'options.yara.compiled': '{count} 条规则编译通过：{names}',
  'options.yara.errors': '以下规则无法编译，修正前会被跳过（其他检查照常运行）：',
  'options.yara.line': '第 {line} 行：{message}',
  'options.yara.warnings': '警告',

  // ------------------------------------------------------------------ files
  'options.files.heading': '文件',
  'options.files.settings': '设置文件',
  'options.files.settingsHint': '用于在团队内共享同一套配置。导出的是已保存的设置。导入时会先核对文件的校验和，然后立即保存其中的设置，并覆盖本页尚未保存的更改。',
  'options.files.export': '导出设置',
  'options.files.import': '导入设置文件',
  'options.files.exported': '设置已导出，文件会下载到浏览器的下载文件夹。',
  'options.files.nothingImported': '未导入任何内容。',
  'options.files.noSettings': '该文件不含 ClaimLens 设置，未导入任何内容。',
  'options.files.imported.one': '已从 {file} 导入并保存 {count} 项设置。',
  'options.files.imported.many': '已从 {file} 导入并保存 {count} 项设置。',
  'options.files.kept.one': '其中 {count} 项由您的组织设置，保持不变。',
  'options.files.kept.many': '其中 {count} 项由您的组织设置，保持不变。',
  'options.files.importedAndKept': '{imported}{kept}',
  'options.hashes.hint': '您的团队已确认的欺诈照片，以哈希列表的形式共享。哈希值相同的索赔照片会被标记。导入只会把文件中的哈希值加入列表，不会删除已有条目。',
  'options.hashes.inList.one': '列表中有 {count} 个哈希值。',
  'options.hashes.inList.many': '列表中有 {count} 个哈希值。',
  'options.hashes.export': '导出哈希列表',
  'options.hashes.import': '导入哈希列表',
  'options.hashes.exported.one': '已导出 {count} 个哈希值。',
  'options.hashes.exported.many': '已导出 {count} 个哈希值。',
  'options.hashes.count.one': '{count} 个哈希值',
  'options.hashes.count.many': '{count} 个哈希值',
  'options.hashes.duplicates.one': '另有 {count} 个已在列表中',
  'options.hashes.duplicates.many': '另有 {count} 个已在列表中',
  'options.hashes.added': '已从 {file} 添加 {added}。列表中现有 {total}。',
  'options.hashes.addedWithDuplicates': '已从 {file} 添加 {added}（{duplicates}）。列表中现有 {total}。',
  'options.import.notJson': '该文件不是有效的 JSON。',
  'options.import.notSettings': '这不是 ClaimLens 设置文件。',
  'options.import.notHashList': '这不是 ClaimLens 哈希列表文件。',
  'options.import.version': '不支持的文件版本：{version}。',
  'options.import.checksum': '校验和不匹配：文件在导出后被修改或已损坏。未导入任何内容。',
};
