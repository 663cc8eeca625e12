/**
 * The Simplified Chinese catalogue, written for customer-support staff: the same keys and the
 * same `{name}` placeholders as the English one (lib/i18n/en.ts), in natural Chinese rather
 * than word for word. Product and format names (ClaimLens, C2PA, ComfyUI, Stable Diffusion,
 * EXIF, IPTC, XMP, JPEG, PNG, PDQ …) stay in Latin script, as agents meet them in other tools.
 */
import type { EN } from './en';
import { BADGE_ZH_CN } from './badge-texts';
import { OPTIONS_ZH_CN } from './options-zh-CN';

export const ZH_CN: Readonly<Record<keyof typeof EN, string>> = {
  ...BADGE_ZH_CN,
  ...OPTIONS_ZH_CN,
  // ------------------------------------------------------------------ list separators
  'join.comma': '、',
  'join.semicolon': '；',
  'join.and': '、',

  // ------------------------------------------------------------------ provenance.c2pa
  'provenance.c2pa.aiGenerated.title': '内容凭证表明这张图片由 AI 生成：{generator}',
  'provenance.c2pa.aiGenerated.detail':
    '文件带有内容凭证（C2PA），这是一份记录图片制作过程的签名记录。记录写明这张图片由 {generator} 生成{app}。' +
    '相机和手机从不写入这种记录，AI 工具则会把它附加到自己生成的内容上。' +
    '唯一无恶意的解释是客户有意发送了一张 AI 图片，但那仍然不是其商品的实拍照片。',
  'provenance.c2pa.aiEdited.title': '内容凭证表明这张图片经过生成式 AI 编辑：{generator}',
  'provenance.c2pa.aiEdited.detail':
    '文件带有内容凭证（C2PA），这是一份记录图片制作过程的签名记录。记录写明图片的一部分是用生成式 AI（{generator}{app}）生成或修改的，例如“生成式填充”。' +
    '图中的损坏可能是 AI 添加或改动的。客户即使只是去掉了一个干扰物，也会留下同样的记录，因此请索取未经编辑的原始照片。',
  'provenance.c2pa.cameraCapture.title': '来自相机（{maker}）的内容凭证；拍摄后图片未被改动',
  'provenance.c2pa.cameraCapture.detail':
    '文件带有拍摄时签署的内容凭证（签署者：{signer}），且图片仍与凭证一致，说明拍摄后没有被编辑过。' +
    '这有力地支持照片为真实拍摄。但有两点限制：ClaimLens 没有内置官方的可信签署者名单，无法证明签署者确实是 {maker}；' +
    '另外，翻拍屏幕或摆拍的场景同样能通过这项检查。',
  'provenance.c2pa.cameraCaptureTrusted.title': '来自相机（{maker}）的可信内容凭证；拍摄后图片未被改动',
  'provenance.c2pa.cameraCaptureTrusted.detail':
    '文件带有相机厂商签署的内容凭证（签署者：{signer}，在可信名单上），且图片仍与凭证一致，说明拍摄后没有被编辑过。' +
    '这是证明照片真实的最有力依据。不过翻拍屏幕或摆拍的场景仍能通过，所以索赔内容本身仍需按常规核实。',
  'provenance.c2pa.cameraUnverified.title': '内容凭证声称由相机拍摄，但无法确认',
  'provenance.c2pa.cameraUnverified.detail':
    '记录称图片来自相机或拍摄应用（{maker}），但{reason}。' +
    '只能把它当作照片真实的弱提示，不能作为证据。',
  'provenance.c2pa.edited.title': '内容凭证记录了对这张图片的编辑',
  'provenance.c2pa.edited.detail':
    '签名记录列出了所做的操作：{edits}。其中没有任何一项标记为 AI。' +
    '裁剪、缩放以及调整颜色或亮度都是日常且无害的操作，不会改变照片所呈现的内容。' +
    '如果索赔取决于损坏本身，请索取原始照片。{ingredientNote}',
  'provenance.c2pa.composite.title': '内容凭证记录了这张图片由其他图片合成',
  'provenance.c2pa.composite.detail':
    '签名记录列出了所做的操作：{edits}。其中没有标记为 AI 的操作，但合成意味着这张图片的部分内容来自另一张图片，' +
    '因此图中的损坏可能并不属于照片中的商品。设计师和商家也会出于正当目的合成图片（加标志、拼图）；请索取原始照片。{ingredientNote}',
  'provenance.c2pa.present.title': '发现内容凭证，但未说明图片的制作方式',
  'provenance.c2pa.present.detail':
    '文件带有一份由 {generator} 写入的内容凭证（C2PA）记录（签署者：{signer}）。' +
    '记录既没有说图片由 AI 生成，也没有说由相机拍摄，也没有记录任何编辑。这本身无好坏之分，由其他检查来判断。',
  'provenance.c2pa.contentChanged.title': '内容凭证签署后，图片被改动过',
  'provenance.c2pa.contentChanged.detail':
    '文件带有内容凭证，但图片已与之不符：记录签署之后图像数据发生了变化。' +
    '应用在保留元数据的同时重新保存或重新压缩图片，就会无意中造成这种情况；有意编辑也会如此。' +
    '无论哪种情况，这份记录都无法为您现在看到的内容作保。请索取原始文件。',
  'provenance.c2pa.recordDamaged.title': '内容凭证被篡改或已损坏',
  'provenance.c2pa.recordDamaged.detail':
    '签名记录本身未通过校验（签名或内部指纹不匹配），说明它在签署后被改动过或已损坏，其内容不可信。' +
    '有缺陷的应用或传输出错也可能造成这种情况，因此请把它当作需要仔细查看的理由，而不是证据。',
  'provenance.c2pa.layoutMismatch.title': '内容凭证无法与此文件对应',
  'provenance.c2pa.layoutMismatch.detail':
    '记录可以读取，但它在文件中的位置与签名所声明的不一致，因此 ClaimLens 无法确认图片未被改动。' +
    '旧版相机应用生成的文件或被某些工具重新打包的文件会出现这种情况；被篡改的文件看起来也一样。请把这份记录视为未经确认。',
  'provenance.c2pa.unreadable.title': '存在内容凭证，但无法读取',
  'provenance.c2pa.unreadable.detail':
    '文件包含一份内容凭证记录，但记录已损坏或文件不完整，因此无法核验。' +
    '上传中断或编辑工具不识别这种记录时，都会留下这样的文件。它与是否为 AI 无关，其他检查仍然有效。',
  'provenance.c2pa.untrusted.title': '内容凭证完好，但无法确认签署者',
  'provenance.c2pa.untrusted.detail':
    '记录的签名和指纹校验通过，记录中的签署者为 {signer}{reason}。' +
    'ClaimLens 没有内置官方的 C2PA 可信签署者名单，因此无法确认这个名字：任何人都可以制作一份写着任意公司名称的记录。' +
    '大多数文件都是这种情况，这本身并不表示欺诈。',
  'provenance.c2pa.app.signedBy': '，随后由 {app} 对记录进行了签名',
  'provenance.c2pa.app.in': '，在 {app} 中完成',
  'provenance.c2pa.anAiTool': '某个 AI 工具',
  'provenance.c2pa.anUnnamedTool': '某个未具名的工具',
  'provenance.c2pa.notNamed': '未注明',
  'provenance.c2pa.notKnownMaker': '非已知相机厂商',
  'provenance.c2pa.reason.unknownSigner': '该记录并非由已知相机厂商签署，而任何人都可以写出这样的记录',
  'provenance.c2pa.reason.noLongerMatches': '文件已与其记录不符（参见相关的内容凭证条目）',
  'provenance.c2pa.certificate.revoked': '；其证书已被签发机构吊销，值得仔细查看',
  'provenance.c2pa.certificate.expired': '；其证书已过期',
  'provenance.c2pa.certificate.invalid': '；其证书不是现行标准要求的图片签名证书类型（2024 年以前制作的记录很常见）',
  'provenance.c2pa.ingredientNote': '此外，它的某个早期版本或素材图片所带的内容凭证未通过校验。',
  'provenance.c2pa.action.created': '创建',
  'provenance.c2pa.action.opened': '打开了已有图片',
  'provenance.c2pa.action.edited': '编辑',
  'provenance.c2pa.action.color_adjustments': '调整了颜色或亮度',
  'provenance.c2pa.action.cropped': '裁剪',
  'provenance.c2pa.action.resized': '调整尺寸',
  'provenance.c2pa.action.orientation': '旋转或翻转',
  'provenance.c2pa.action.drawing': '在图上绘制',
  'provenance.c2pa.action.filtered': '应用了滤镜',
  'provenance.c2pa.action.placed': '置入了另一张图片',
  'provenance.c2pa.action.removed': '移除了某些内容',
  'provenance.c2pa.action.converted': '转换为其他格式',
  'provenance.c2pa.action.transcoded': '重新编码',
  'provenance.c2pa.action.repackaged': '重新打包',
  'provenance.c2pa.action.published': '发布',
  'provenance.c2pa.action.watermarked': '添加水印',
  'provenance.c2pa.action.redacted': '删除了部分记录',
  'provenance.c2pa.action.unknown': '未说明的改动',

  // ------------------------------------------------------------------ provenance.generator
  'provenance.generator.found.title': '由 AI 图像生成工具制作：{generator}',
  'provenance.generator.found.detail':
    '文件中仍保留着 {generator} 生成图片时写入的参数（位于 {carrier}）{prompt}。' +
    '相机和手机从不写入这些内容。唯一无恶意的解释是客户在发送前用 AI 工具处理过自己的照片——即便如此，这张图片也已不是普通照片。',
  'provenance.generator.withPrompt': '，其中还包括让它绘制的文字提示词',
  'provenance.generator.carrier.pngChunk': 'PNG 文本块 "{chunk}"',
  'provenance.generator.carrier.pngChunks': 'PNG 文本块 {chunks}',
  'provenance.generator.carrier.jobId': '图片描述中的 "Job ID"',
  'provenance.generator.carrier.field': '{field}（"{value}"）',
  'provenance.generator.carrier.pngSoftware': 'PNG 文本 "Software"',

  // ------------------------------------------------------------------ provenance.iptc
  'provenance.iptc.trainedAlgorithmicMedia.title': '标注为由生成式 AI 创建',
  'provenance.iptc.trainedAlgorithmicMedia.detail':
    '文件带有业界标准标签（IPTC 数字来源类型“trained algorithmic media”），AI 图像工具会把它写入生成的图片。' +
    '相机从不写入这个标签。只有在客户有意发送 AI 图片时才可能是无恶意的，但那仍然不是其商品的实拍照片。',
  'provenance.iptc.compositeWithTrainedAlgorithmicMedia.title': '标注为经过生成式 AI 编辑',
  'provenance.iptc.compositeWithTrainedAlgorithmicMedia.detail':
    '文件带有标准标签（IPTC“composite with trained algorithmic media”），Photoshop 生成式填充或手机“AI 编辑”等功能在图片部分内容由 AI 生成时会写入它。' +
    '图中的损坏可能被添加或改动过。客户即使只是去掉了背景里的某个物体，也会留下这个标签，所以请核实编辑了什么。',
  'provenance.iptc.algorithmicMedia.title': '标注为计算机生成',
  'provenance.iptc.algorithmicMedia.detail': '文件标注为不经相机、由算法生成（IPTC“algorithmic media”），例如 3D 渲染图。它不是普通照片。',
  'provenance.iptc.compositeSynthetic.title': '标注为含合成元素的拼合图',
  'provenance.iptc.compositeSynthetic.detail': '文件标注为包含合成（非相机拍摄）元素的拼合图。图片的部分内容并非来自相机。',
  'provenance.iptc.algorithmicallyEnhanced.title': '标注为经算法增强',
  'provenance.iptc.algorithmicallyEnhanced.detail':
    '某个工具将这张图片标注为经过算法增强（例如 AI 放大或降噪）。增强会改变像素，但通常不会改变图片所呈现的内容。',
  'provenance.iptc.humanEdits.title': '标注为经人工编辑',
  'provenance.iptc.humanEdits.detail': '某个编辑软件将这张图片标注为已编辑。裁剪和调整亮度很常见，也无恶意；但这仍说明照片已不是相机拍出时的样子。',
  'provenance.iptc.composite.title': '标注为拼合图',
  'provenance.iptc.composite.detail': '文件标注为由多张图片拼合而成。',
  'provenance.iptc.digitalCapture.title': '标注为相机拍摄',
  'provenance.iptc.digitalCapture.detail': '文件带有表示数码相机原始拍摄的标准标签。这支持照片为真实拍摄，但标签可以被复制到其他文件中。',
  'provenance.iptc.computationalCapture.title': '标注为手机相机拍摄（计算摄影）',
  'provenance.iptc.computationalCapture.detail': '文件标注为由带计算处理的相机拍摄，现代手机都是这样工作的。这支持照片为真实拍摄。',
  'provenance.iptc.screenCapture.title': '标注为截图',
  'provenance.iptc.screenCapture.detail': '文件标注为屏幕截图。客户发送的是截图而非原始照片；如果索赔取决于这张图片，请索取原始文件。',
  'provenance.iptc.negativeFilm.title': '标注为胶片扫描件',
  'provenance.iptc.negativeFilm.detail': '文件标注为胶片底片的扫描件。',
  'provenance.iptc.positiveFilm.title': '标注为胶片扫描件',
  'provenance.iptc.positiveFilm.detail': '文件标注为幻灯片（正片）的扫描件。',
  'provenance.iptc.print.title': '标注为冲印照片的扫描件',
  'provenance.iptc.print.detail': '文件标注为冲印照片的扫描件。',

  // ------------------------------------------------------------------ provenance.watermark
  'provenance.watermark.what':
    'Stable Diffusion 的官方脚本以及许多基于它的应用和程序库，会在生成的每张图片中隐藏一个肉眼看不见的标记；{name} 写入的信息是 {message}。',
  'provenance.watermark.message': '{code}（{bits} 位）',
  'provenance.watermark.fragile': '这个标记经不起较多处理：高强度 JPEG 压缩、缩放或裁剪都会把它抹掉，所以没找到标记并不能说明照片没有问题。',
  'provenance.watermark.decisive.title': '发现隐形 AI 水印：由 {name} 生成',
  'provenance.watermark.decisive.detail':
    '{what}从这张图片中读回了其中 {matched}/{bits} 位，而且这个规律明显有别于图片本身的色彩。' +
    '普通照片偶然出现这种情况的概率不到百万分之一，因此这张图片几乎可以肯定是用 Stable Diffusion 类工具生成或重新处理过的。' +
    '{fragile}唯一无恶意的解释是客户用这类工具（例如“画质增强”或放大应用）处理过自己的照片——即便如此，这张图片也已不是普通照片。',
  'provenance.watermark.likely.title': '很可能带有 {name} 的隐形 AI 水印',
  'provenance.watermark.likely.detail':
    '{what}读回了其中 {matched}/{bits} 位，这个规律有别于图片本身的色彩，但还不足以确定。' +
    '生成后又经过压缩或轻度编辑的图片读起来就是这样，普通照片则极少如此。{fragile}请把它当作需要仔细查看的理由，而不是证据。',
  'provenance.watermark.weak.title': '可能有隐形 AI 水印的微弱痕迹（{name}）',
  'provenance.watermark.weak.detail':
    '{what}只有 {matched}/{bits} 位吻合，规律也几乎看不出来：经过重度压缩的生成图片会这样，普通照片偶尔也会。' +
    '单凭这一点说明不了什么，只有与其他迹象结合时才有意义。{fragile}',

  // ------------------------------------------------------------------ metadata.camera
  'metadata.camera.screenshot.title': '看起来是截图，而不是原始照片',
  'metadata.camera.screenshot.detail':
    '{why}截图会掩盖原始文件及其相机信息。客户截图往往并无恶意；如果索赔取决于这张图片，请索取原始照片。',
  'metadata.camera.screenshot.labelled': '文件标注为截图。',
  'metadata.camera.screenshot.screenSize': '图片为 {width}×{height} 像素，正好是常见手机或电脑屏幕的尺寸，而且没有相机信息。',
  'metadata.camera.present.title': '包含相机信息：{camera}',
  'metadata.camera.present.detail':
    '文件记录了拍摄所用的相机（{camera}）和拍摄时间（{captured}）。真实的相机和手机照片通常带有这些信息，AI 图片几乎从不带有。这些信息可以被复制或修改，所以它支持照片为真实拍摄，但不能证明。',
  'metadata.camera.no-capture-time.title': '注明了相机（{camera}），但没有拍摄时间',
  'metadata.camera.no-capture-time.detail': '文件注明了相机，但没有记录拍摄时间。相机通常两者都会记录；有些应用在保存时只保留部分信息。',
  'metadata.camera.absent.title': '文件中没有相机信息',
  'metadata.camera.absent.detail':
    '文件没有记录是哪台相机、在什么时间拍摄的。AI 生成的图片从不带有这些信息，' +
    '但即时通讯应用（WhatsApp、Messenger）、截图、网页表单和许多编辑软件也会把真实照片中的这些信息删掉，所以单凭这一点什么也证明不了。',

  // ------------------------------------------------------------------ metadata.dimensions
  'metadata.dimensions.generator-size.title': '{width}×{height} 是 AI 图像生成工具的默认尺寸',
  'metadata.dimensions.generator-size.detail':
    'AI 生成工具输出的是固定尺寸，例如 512×512、1024×1024 或 832×1216，这张图片正是其中之一。' +
    '手机相机拍出的尺寸不同，但真实照片经应用或网站裁剪、缩放后也可能恰好是这些数值，所以这只是弱证据。',
  'metadata.dimensions.multiple-of-64.title': '长和宽都是 64 像素的整数倍',
  'metadata.dimensions.multiple-of-64.detail':
    '大多数 AI 生成工具以 64 像素为单位工作，所以生成图片的长和宽都是 64 的整数倍，这张图片也是。' +
    '许多经过缩放的普通图片也是如此，所以这只是弱证据。',
  'metadata.dimensions.camera-size.title': '{width}×{height} 是常见的相机传感器尺寸',
  'metadata.dimensions.camera-size.detail': '这是常见相机或手机传感器拍出的完整尺寸。AI 工具很少输出这个尺寸，但图片可以被缩放成任意尺寸，所以这只是弱证据。',

  // ------------------------------------------------------------------ metadata.thumbnail
  'metadata.thumbnail.mismatch.title': '相机保存的预览图显示的是另一张画面',
  'metadata.thumbnail.mismatch.detail':
    '相机会在每张照片的文件里保存一张小预览图。这里的预览图与照片本身显示的不是同一画面' +
    '（差异值 {difference}，0 表示同一画面，约 1 表示毫不相关；真实相机文件的差异值都低于 {matchMax}）。' +
    '这通常说明照片在拍摄后被改动过，而预览图仍显示原来的画面；或者相机信息是从另一张照片复制到这张图片上的。' +
    '较少见的情况是应用替换了画面（大幅裁剪、拼图）却保留了旧的预览图。' +
    '请索取直接来自手机或相机的原始照片。',
  'metadata.thumbnail.match.title': '相机保存的预览图与照片一致',
  'metadata.thumbnail.match.detail':
    '相机会在每张照片的文件里保存一张小预览图，这里的预览图与照片显示的是同一画面' +
    '（差异值 {difference}，0 表示同一画面，约 1 表示毫不相关）。修改或替换图片的工具常常会留下旧的预览图，所以这支持照片为真实拍摄。' +
    '但单凭这一点较弱：小范围的局部修改在预览图尺寸下看不出来，而且有些编辑软件保存时会重新生成预览图。',
  'metadata.thumbnail.turned.title': '照片转正后与保存的预览图一致',
  'metadata.thumbnail.turned.detail':
    '把照片{mirrored}旋转 {degrees}° 后，文件内的小预览图与照片显示的是同一画面。' +
    '在不会更新预览图的看图软件或应用中旋转或翻转照片时就会这样。' +
    '这说明文件在拍摄后被重新保存过，并不说明画面内容被改动。',
  'metadata.thumbnail.turned.mirrored': '镜像翻转并',

  // ------------------------------------------------------------------ metadata.jpeg
  'metadata.jpeg.quality.standard.title': 'JPEG 质量 {quality}（标准设置）',
  'metadata.jpeg.quality.standard.detail':
    '图片使用 libjpeg 标准量化表以质量 {quality} 压缩。几乎所有软件、网站和应用都使用这套表，许多手机也是；单凭这一点说明不了照片的任何问题。',
  'metadata.jpeg.quality.near-standard.title': 'JPEG 质量约 {quality}（接近标准的量化表）',
  'metadata.jpeg.quality.near-standard.detail':
    '图片使用按略有不同的方式计算出的标准量化表压缩（质量约 {quality}），许多手机和相机的内置编码器都是这样。单凭这一点说明不了照片的任何问题。',
  'metadata.jpeg.quality.custom.title': 'JPEG 质量约 {quality}（自定义量化表）',
  'metadata.jpeg.quality.custom.detail':
    '图片使用自定义量化表压缩，大致相当于质量 {quality}。相机厂商和部分软件（例如 Photoshop）使用自己的量化表，可据此判断最后是谁保存了文件。',
  'metadata.jpeg.standard-tables.title': '以常见软件设置保存（libjpeg 质量 {quality}）',
  'metadata.jpeg.standard-tables.detail':
    '压缩量化表是 libjpeg 库在质量 {quality} 时的标准表，大多数编辑软件、网站、即时通讯应用和 AI 工具保存 JPEG 时都使用它，许多手机和相机也是。' +
    '它只说明最后保存文件的是哪一类编码器，不说明照片是否真实。',
  'metadata.jpeg.camera-tables.title': '压缩量化表与 {makes} 相机一致',
  'metadata.jpeg.camera-tables.detail':
    '压缩量化表与 {makes} 相机写入的一致，这在未经编辑的相机文件中可以见到。{fit}专业造假者可以复制量化表，所以这支持照片为真实拍摄，但不能证明。',
  'metadata.jpeg.camera-tables.claimed': '它们与文件中注明的相机相符，说明图片此后没有被其他软件重新保存过。',
  'metadata.jpeg.camera-tables.unclaimed': '文件没有注明相机，所以相机信息很可能是在没有重新压缩图片的情况下被删除的（有些应用和上传渠道会这样做）。',
  'metadata.jpeg.tables-mismatch-camera.title': '压缩量化表属于 {makes}，而不是 {claimed}',
  'metadata.jpeg.tables-mismatch-camera.detail':
    '文件声称由 {claimed} 相机拍摄，但其压缩量化表是 {makes} 相机的，从未在 {claimed} 的文件中见过。' +
    '把一张照片的相机信息复制到另一张图片上，或照片经过其他品牌的设备处理时，就会出现这种情况。' +
    '有些厂商共用相机部件，所以请把它当作需要仔细查看的理由，而不是证据。',
  'metadata.jpeg.editor-tables.title': '编辑软件的压缩量化表',
  'metadata.jpeg.editor-tables.detail': '压缩量化表与仅在编辑软件或 AI 工具保存的文件中出现过的量化表一致，从未在未经编辑的相机文件中出现。{camera}',
  'metadata.jpeg.editor-tables.namesCamera': '文件仍注明了 {claimed} 相机，说明它在拍摄后被重新保存过。',
  'metadata.jpeg.editor-tables.noCamera': '文件没有注明相机。',
  'metadata.jpeg.resaved.title': '拍摄后被软件重新保存过',
  'metadata.jpeg.resaved.detail':
    '文件注明了相机，但其编码显示它后来被重新保存过：{reasons}。' +
    '重新保存很常见，通常也无恶意（为上传缩小尺寸、旋转、从相册或编辑软件导出）；但这意味着图片已不是相机原图，仅凭文件无法排除被编辑的可能。',
  'metadata.jpeg.resaved.resized': '图片为 {width}×{height} 像素，而相机记录的是 {cameraWidth}×{cameraHeight}（被缩放或裁剪过）',
  'metadata.jpeg.resaved.standard-tables': '它使用 libjpeg 标准量化表，而 {make} 相机不会写入这种表',
  'metadata.jpeg.resaved.progressive': '它是渐进式 JPEG，相机不会写入这种格式',
  'metadata.jpeg.resaved.adobe-segment': '它带有 Adobe 软件写入的 Adobe 编码器数据段',
  'metadata.jpeg.resaved.jfxx': '它带有软件写入的 JFIF 扩展缩略图',
  'metadata.jpeg.marker-order.title': '文件内部结构的排列不寻常',
  'metadata.jpeg.marker-order.detail':
    '文件内部各部分的排列方式是相机不会写出的：{issues}。' +
    '给图片添加或移植相机信息的工具会留下这种痕迹；少数罕见的相机固件和修复工具也会。',
  'metadata.jpeg.marker-order.exifAfterImage': '相机信息（Exif）块位于图像数据开始之后',
  'metadata.jpeg.marker-order.exifBlocks': '有 {count} 个独立的相机信息（Exif）块',
  'metadata.jpeg.marker-order.secondStart': '图片内部出现了第二个图像起始标记',
  'metadata.jpeg.marker-order.frames': '有不止一个帧头',
  'metadata.jpeg.malformed.title': '文件已损坏或不完整',
  'metadata.jpeg.malformed.detail': '这个 JPEG 格式不规范：{issues}。下载或上传中断会造成这种情况；它本身与编辑无关，但其他检查的可靠性可能会降低。',
  'metadata.jpeg.malformed.truncated': '文件在图像结束标记之前就结束了',
  'metadata.jpeg.trailing-data.detail': '图片结束之后还附有 {size}。{explanation}',
  'metadata.jpeg.trailing-data.bytes': '{count} 字节',
  'metadata.jpeg.trailing-data.kb': '{count} KB',
  'metadata.jpeg.trailing-data.mb': '{count} MB',
  'metadata.jpeg.trailing-data.padding.title': '图片之后有空白填充',
  'metadata.jpeg.trailing-data.padding.explanation': '这些全是零字节：有些相机写入固定大小的文件，并把剩余部分填满。属正常情况。',
  'metadata.jpeg.trailing-data.leftover.title': '图片之后有残留数据',
  'metadata.jpeg.trailing-data.leftover.explanation': '老式相机常常写入固定大小的文件，剩余部分残留着存储卡上无关的数据。通常属正常情况。',
  'metadata.jpeg.trailing-data.mpf.title': '图片之后存有额外图像（预览图、景深图或 HDR 图）',
  'metadata.jpeg.trailing-data.mpf.explanation': '文件对它们作了声明（手机和相机用于预览图、景深图和 HDR 的多图格式 MPF）。现代手机都是这样。',
  'metadata.jpeg.trailing-data.samsung.title': '图片之后有三星相机/相册数据',
  'metadata.jpeg.trailing-data.samsung.explanation': '三星手机会在这里添加一段相机和相册数据（拍摄时间、动态照片、编辑数据）。三星照片都是这样。',
  'metadata.jpeg.trailing-data.motion-photo.title': '图片之后存有一段短视频（动态照片）',
  'metadata.jpeg.trailing-data.motion-photo.explanation': '三星和谷歌手机拍摄“动态照片”时会存入一段短片。属正常情况；短片还能显示当时现场的样子。',
  'metadata.jpeg.trailing-data.jpeg.title': '图片之后还存有另一张图片',
  'metadata.jpeg.trailing-data.jpeg.explanation':
    '后面跟着一张完整的 JPEG 图片，但没有手机用于预览图的那种声明。有些应用会以这种方式保留早先的版本；值得打开对比一下。',
  'metadata.jpeg.trailing-data.unknown.title': '图片之后有未知数据',
  'metadata.jpeg.trailing-data.unknown.explanation': '相机和手机应用有时会在这里存放厂商数据；程序也可能在这里隐藏内容。这不会改变显示的画面。',

  // ------------------------------------------------------------------ metadata.edit-history
  'metadata.edit-history.editor.title': '由编辑软件保存：{names}',
  'metadata.edit-history.editor.detail':
    '文件注明了最后保存或编辑它的软件：{list}。直接来自手机或相机的照片注明的是相机自身的固件。' +
    '编辑本身并不等于欺诈：客户会裁剪、调亮或加箭头来标出损坏。但这确实说明图片已不是相机原图，所以请仔细查看损坏部位，或索取原始照片。',
  'metadata.edit-history.ai-editor.title': '经 AI 工具编辑：{names}',
  'metadata.edit-history.ai-editor.detail':
    '文件带有 AI 编辑工具的标记：{list}。这类工具可以移除或添加物体，并重绘图片的部分内容。' +
    '{extent}' +
    '这类工具也有无恶意的用途（去掉路人、让模糊的照片变清晰），但这张图片已不能单独作为损坏的证据：请索取未经编辑的照片或一段短视频。',
  'metadata.edit-history.ai-editor.declared': '文件还声明了图片经过生成式 AI 修改。',
  'metadata.edit-history.ai-editor.undeclared': '这个标记并没有说明改动了哪一部分、改动了多少。',
  'metadata.edit-history.maker-software.title': '用相机厂商的电脑软件重新保存过',
  'metadata.edit-history.maker-software.detail':
    '文件最后由相机厂商自己的电脑软件保存：{list}。这通常发生在复制、旋转或导出照片时。' +
    '这类软件很少用于修图，但文件已是副本，而不是相机原图。',
  'metadata.edit-history.foundIn': '{name}（见于 {sources}）',
  'metadata.edit-history.name.makerSoftware': '相机厂商的电脑软件',
  'metadata.edit-history.name.googlePhotosAi': 'Google 相册 AI 编辑（Magic Editor / Magic Eraser / Zoom Enhance）',
  'metadata.edit-history.name.googleAiImage': 'Google AI 图片（Pixel Studio / Gemini）',
  'metadata.edit-history.name.samsungGenerative': '三星相册生成式编辑记录（PEg_Info）',
  'metadata.edit-history.name.samsungIntelligent': '三星相册智能照片编辑器数据',
  'metadata.edit-history.name.samsungReEdit': '三星相册照片编辑器再编辑数据',
  'metadata.edit-history.name.samsungRemaster': '三星相册 Remaster（AI 自动增强）',
  'metadata.edit-history.name.samsungGenAi': '三星 Galaxy AI 编辑（genAIType）',
  'metadata.edit-history.source.xmpHistory': 'XMP 编辑历史',
  'metadata.edit-history.source.jpegComment': 'JPEG 注释',
  'metadata.edit-history.source.crs': 'XMP 显影设置（crs）',
  'metadata.edit-history.source.samsungTrailer': '三星尾部数据',
  'metadata.edit-history.modified-after-capture.title': '拍摄后被重新保存过',
  'metadata.edit-history.modified-after-capture.detail':
    '相机记录的拍摄时间是 {captured}，但文件最后修改于 {modified}（晚了 {span}）。' +
    '相机会同时写入这两个时间。修改时间较晚说明有程序重新保存过文件：编辑、在相册中旋转或添加标签都会这样。',
  'metadata.edit-history.span.minutes': '{count} 分钟',
  'metadata.edit-history.span.hours': '{count} 小时',
  'metadata.edit-history.span.days': '{count} 天',
  'metadata.edit-history.span.years': '{count} 年',
  'metadata.edit-history.timezone-mismatch.title': '拍摄时区与保存时区不同',
  'metadata.edit-history.timezone-mismatch.detail':
    '照片拍摄于 {original} 时区，最后却保存于 {saved} 时区。文件后来在一台设置为其他时区的设备上被重新保存过。' +
    '旅行可以无恶意地解释这一点；但这仍说明文件不是未经改动的相机原图。',
  'metadata.edit-history.future.title': '拍摄日期在未来',
  'metadata.edit-history.future.detail':
    '文件显示照片拍摄于 {date}，而这个时间还没有到。要么设备时钟不准，要么日期被修改过。' +
    '请将该日期与索赔情况核对；电池耗尽过的相机时钟不准很常见。',
  'metadata.edit-history.too-early.title': '拍摄日期早得不合理',
  'metadata.edit-history.too-early.detail':
    '文件显示照片拍摄于 {date}，那时数码相机还不会记录日期。通常是相机时钟从未设置过（很多会重置为 1970 或 1980 年）；' +
    '日期也可能被修改过。不能用这个拍摄日期来判断这次索赔的时间。',

  // ------------------------------------------------------------------ pixels
  'pixels.ela.localised.title': '图片的部分区域对重新保存的反应不同',
  'pixels.ela.localised.detail':
    '把这张照片重新保存为 JPEG 时，少数区域的变化远大于其他部分（图中较亮的格子）。' +
    '粘贴进来的物体、修过的斑点或 AI 填充的区域常常如此，因为它们没有经历与其他部分相同的早期压缩。' +
    '细密纹理、锐利边缘和文字的变化也比平滑区域大，所以请看亮格子的位置：出现在损坏处本身值得仔细查看，' +
    '出现在有纹理的背景或印刷标签上则属正常。大约每十张真实照片中就有一张会这样。' +
    '这是供有经验的审核人员参考的可视化辅助，不是结论。',
  'pixels.ela.uniform.title': '重新保存时图片各处变化均匀',
  'pixels.ela.uniform.detail':
    '把这张照片重新保存为 JPEG 时，没有哪个区域的变化明显大于其他部分。未经编辑的照片通常就是这样，' +
    '但编辑后又整体保存或缩放过的图片看起来也可能一样，所以这不能证明照片是真实的。' +
    '这是供有经验的审核人员参考的可视化辅助，不是结论。',
  'model.npr.accuracy':
    '它用约 {train} 张公开图片训练；在来自它从未见过的来源的 {total} 张图片上（{ai} 张 AI、{real} 张真实照片），它把 AI 图片排在真实照片之前的比例为 {auc}；在每 20 张真实照片最多误报 1 张的设置下，它识别出了 {tpr} 的 AI 图片。',
  'model.npr.likely-ai.title': '神经网络检查：细微像素纹理像是 AI 生成',
  'model.npr.likely-ai.detail':
    '一个小型神经网络会寻找 AI 图像生成器在相邻像素之间留下的微弱痕迹，它判断这张图片很可能由 AI 生成。' +
    '这是统计信号，不是证据。' +
    '{accuracy}重度压缩、截图、美颜滤镜、相机的“AI 增强”模式和放大类应用都可能让真实照片得分偏高，' +
    '因此请把它当作需要结合其他检查仔细查看的理由。热力图中越亮的格子，表示该区域越像 AI 生成。',
  'model.npr.uncertain.title': '神经网络检查：无法明确判断',
  'model.npr.uncertain.detail':
    '一个小型神经网络会寻找 AI 图像生成器在相邻像素之间留下的微弱痕迹，但它无法判断这张图片是相机拍摄的照片还是 AI 生成的。' +
    '{accuracy}这一结果既不支持也不削弱索赔；请以其他检查为准。',
  'model.npr.likely-real.title': '神经网络检查：细微像素纹理像是相机照片',
  'model.npr.likely-real.detail':
    '一个小型神经网络会寻找 AI 图像生成器在相邻像素之间留下的微弱痕迹，它判断这张图片更像相机拍摄的照片。' +
    '这是统计信号，不是证据。{accuracy}它没见过的新型生成器，以及被缩小、重新保存或对着屏幕翻拍的 AI 图片，' +
    '在它看来都可能像相机照片，因此当其他检查提出疑问时，这一结果并不能证明图片没有问题。',
  'model.npr.mapLabel': '每个图块的 AI 相似度（0 = 像相机照片，1 = 像 AI 生成）',
  'pixels.ela.mapLabel': '各区域的再压缩误差（灰度级；越亮 = 重新保存时变化越大）',
  'pixels.noise.inconsistent.title': '图片各区域的颗粒感不一致',
  'pixels.noise.inconsistent.detail':
    '每张相机照片都有一层强度大致均匀的细微颗粒（噪点）。这张图片中有些区域的颗粒明显不同于其他部分' +
    '（图中颜色偏离常见值的格子）。粘贴进来的物体，或经 AI 填充、重新生成的区域，常常如此。' +
    '暗部、虚化的背景、反光，以及会对照片局部做平滑处理的手机，也可能造成同样的效果（大约每十张真实照片中就有一张），' +
    '所以请把标出的区域与所称的损坏部位对照查看。' +
    '这是供有经验的审核人员参考的可视化辅助，不是结论。',
  'pixels.noise.consistent.title': '图片各处的颗粒感均匀',
  'pixels.noise.consistent.detail':
    '这张图片的细微颗粒（噪点）各处强度大致相同，与未经编辑的照片一样。' +
    '完全由 AI 生成的图片，或编辑后又经过缩放、重度压缩的图片，看起来也可能很均匀，所以这不能证明照片是真实的。' +
    '这是供有经验的审核人员参考的可视化辅助，不是结论。',
  'pixels.noise.mapLabel': '各区域的噪点水平（灰度级；颜色偏离 = 颗粒不同）',
  'pixels.spectrum.periodic-peaks.title': '每隔几个像素就重复出现一种规律',
  'pixels.spectrum.periodic-peaks.detail':
    '这张图片的细节以固定的像素间距重复出现（频谱中远离中心的亮点）。' +
    'AI 图像生成工具的上采样层可能留下这种规律，相机也会（JPEG 压缩以 8×8 块为单位，' +
    '颜色按 2×2 的排列插值补全），某些放大图片的方法也会。在我们的测试照片中，这种规律在真实相机照片中反而比在 AI 图片中更常见，' +
    '所以它不指向任何一方。这是供有经验的审核人员参考的可视化辅助，不是结论。',
  'pixels.spectrum.no-peaks.title': '没有重复出现的像素规律',
  'pixels.spectrum.no-peaks.detail':
    '这张图片的细节没有以固定的像素间距重复。很多 AI 图片没有这种规律，经过缩放或无压缩保存的真实照片也没有，' +
    '所以它不指向任何一方。这是供有经验的审核人员参考的可视化辅助，不是结论。',
  'pixels.spectrum.label': '细节频谱（中心 = 粗略结构，边缘 = 最细微的细节；亮点 = 重复规律）',

  // ------------------------------------------------------------------ reuse
  'reuse.seen-before.other-customer.title': '另一位客户发送过同一张照片（{customer}，工单 {ticket}）',
  'reuse.seen-before.other-customer.detail':
    '这张图片与另一位客户在 {date} 发送的照片{match}。' +
    '两位客户拍到同一处损坏的可能性很小。无恶意的解释是两人都从网上复制了同一张商品图或目录图；否则这张照片就是从别处得来的。退款前请对比这两个工单。',
  'reuse.seen-before.other-ticket.title': '同一张照片此前已在工单 {ticket} 中出现过{order}',
  'reuse.seen-before.other-ticket.detail':
    '这张图片与 {date} 在{sameCustomer}另一个工单{otherOrder}中收到的照片{match}。' +
    '一张照片不可能显示两次配送中的损坏。如果两个工单针对的是同一次配送（其中一个缺少订单号），那就是正常的跟进。',
  'reuse.seen-before.other-ticket.order': '（订单 {order}）',
  'reuse.seen-before.other-ticket.sameCustomer': '同一位客户的',
  'reuse.seen-before.other-ticket.otherOrder': '（涉及另一个订单）',
  'reuse.seen-before.same-order.title': '与工单 {ticket} 中的照片相同，且为同一订单',
  'reuse.seen-before.same-order.detail': '客户已为同一订单发送过这张照片，很可能是在跟进。请确认这笔索赔尚未退款。',
  'reuse.seen-before.exact': '是完全相同的文件',
  'reuse.seen-before.similar': '相匹配',
  'reuse.seen-before.unknownTicket': '未知',
  'reuse.known-bad.listed.title': '这张照片在您团队的已知欺诈照片名单上',
  'reuse.known-bad.listed.detail': '{match}出现在您团队导入的哈希列表中{note}。请按团队处理已知欺诈照片的流程办理。',
  'reuse.known-bad.listed.exact': '完全相同的文件',
  'reuse.known-bad.listed.near': '一张几乎相同的图片（256 位中有 {distance} 位不同）',
  'reuse.known-bad.listed.note': '，备注为“{note}”',

  // ------------------------------------------------------------------ claim
  'claim.timeline.captured-before-order.title': '照片拍摄于 {captured}，早于下单日期（{order}）',
  'claim.timeline.captured-before-order.detail':
    '相机记录的拍摄时间早于商品下单时间，所以它不可能显示这次配送的损坏。' +
    '无恶意的解释：相机或手机的时钟不准，或客户用一张旧照片来说明问题——请索取新照片或视频。',
  'claim.timeline.captured-before-delivery.title': '照片拍摄于 {captured}，早于送达日期（{delivery}）',
  'claim.timeline.captured-before-delivery.detail':
    '相机记录的拍摄时间早于包裹送达时间，所以照片显示的可能是另一件商品或更早的一次配送。' +
    '相机时钟不准或订单系统中的送达日期有误也可能造成这种情况。',
  'claim.timeline.captured-after-claim.title': '照片日期为 {captured}，晚于索赔日期（{claim}）',
  'claim.timeline.captured-after-claim.detail':
    '文件中的拍摄时间晚于提出索赔的时间，真实的原图不可能如此。' +
    '通常是相机时钟不准，或文件被某个改写了日期的应用重新保存过。',
  'claim.timeline.consistent.title': '拍摄时间与下单和送达日期相符',
  'claim.timeline.consistent.detail': '照片拍摄于送达之后、索赔之前，符合预期。拍摄时间可以被修改，所以这只是较弱的支持。',
  'claim.history.frequent-claimant.title': '{customer} 在 {days} 天内提出了 {count} 次照片索赔',
  'claim.history.frequent-claimant.detail':
    '连同这一次，该客户在 {days} 天内共在 {count} 个工单中发送了索赔照片；您团队的上限是 {limit} 次。' +
    '频繁索赔可能是运气不好或产品有缺陷；但与其他信号结合时，值得仔细查看。',
  'claim.history.order-limit.title': '订单 {order} 已有 {count} 次索赔（上限 {limit} 次）',
  'claim.history.order-limit.detail':
    '连同这一次，这个订单的索赔照片共出现在 {count} 个工单中；您团队会复核超过 {limit} 次的订单。' +
    '请确认之前的退款是否已经涵盖了这件商品。',
  'claim.serial.match.title': '照片上的序列号与订单一致：{read}',
  'claim.serial.match.detail':
    '照片上识别出“{read}”，与预期的序列号或订单号 {expected} 一致（{how}）。' +
    '这支持照片拍摄的正是该订单中的这件商品。不过标签也可能是从另一件商品上拍下的，或被编辑进图片，所以这只是支持，并非证明。',
  'claim.serial.how.exact': '完全一致',
  'claim.serial.how.lookalike': '已容忍形近字符（O/0、I/1/l、S/5、B/8、Z/2）以及空格和连字符',
  'claim.serial.how.one-off': '仅有一个字符不同，文字识别常会认错这样的字符',
  'claim.serial.mismatch.title': '照片上的序列号不一致：识别为 {first}，预期为 {expected}',
  'claim.serial.mismatch.detail':
    '照片上识别出形似序列号的文字（{read}），但即使容忍形近字符和一个认错的字符，也不是预期的序列号或订单号 {expected}。' +
    '照片拍摄的可能是另一件商品，而不是该订单中的那件。无恶意的解释包括：标签属于其他部件（包装盒、充电器、备件），标签磨损或反光导致识别错误，或订单中记录的号码有误。' +
    '请亲自对照照片和订单，并请客户提供序列号标签的特写照片。',
  'claim.serial.not-visible.title': '照片上未找到序列号',
  'claim.serial.not-visible.detail':
    '照片上没有识别出与预期序列号或订单号 {expected} 形状相符的文字（{seen}）。' +
    '这很常见，通常并无恶意：标签可能不在画面内、模糊、拍摄角度太斜、太小或被遮挡。' +
    '如果序列号对这次索赔很重要，请客户提供序列号标签的特写照片。',
  'claim.serial.read.title': '照片上形似序列号的文字：{first}',
  'claim.serial.read.detail':
    '已按要求识别照片上的文字。由于没有提供预期的序列号或订单号，因此没有进行比对。' +
    '识别出的形似序列号的文字（{count} 个）：{read}。请亲自与订单核对；文字识别可能混淆 O 和 0 等形近字符。',
  'claim.serial.none-read.title': '照片上未找到形似序列号的文字',
  'claim.serial.none-read.detail':
    '已按要求识别照片上的文字，但没有找到形似序列号或订单号的内容（{seen}）。' +
    '标签可能不在画面内、模糊、角度太斜或太小；这很常见，并不代表欺诈。',
  'claim.serial.seen.none': '完全没有识别到文字',
  'claim.serial.seen.some': '识别到的文字：{texts}',

  // ------------------------------------------------------------------ engine
  'engine.error.failed.title': '检查项“{detector}”无法运行',
  'engine.error.timeout.title': '检查项“{detector}”超时',
  'engine.error.detail': '这张图片跳过了这项检查（{message}）。其他检查不受影响。文件损坏或格式特殊可能造成这种情况；这本身并不表示欺诈。',
  'engine.pixels-skipped.title': '已跳过画面检查：这里无法解码该图片',
  'engine.pixels-skipped.detail':
    '针对画面本身的检查没有运行（{reason}）。文件的元数据和来源检查仍已运行。' +
    '格式特殊或文件损坏会造成这种情况；这本身并不表示欺诈。如果这次索赔需要画面检查，请让客户提供 JPEG 或 PNG 格式的图片。',

  // ------------------------------------------------------------------ verdict
  'recommendation.low': '未发现篡改迹象——按标准政策处理。没有发现证据并不等于证明没有问题。',
  'recommendation.review': '请客户提供一段短视频，拍清商品的损坏处和快递面单。',
  'recommendation.high': '退款前请提交反欺诈审核。',
  'points.ai': '指向 AI',
  'points.edited': '指向编辑',
  'points.reused': '指向重复使用',
  'points.authentic': '支持真实照片',
  'points.neutral': '背景信息',

  // ------------------------------------------------------------------ internal note and video request
  'note.level.low': '低风险',
  'note.level.review': '需要复核',
  'note.level.high': '高风险',
  'note.heading': 'ClaimLens 照片检查 — {where}{customer}，{time} UTC',
  'note.where.ticket': '{helpdesk} 工单 #{ticket}',
  'note.where.claim': '索赔',
  'note.customer': '（{name}）',
  'note.counts': '共 {total} 张图片：{high} 张高风险，{review} 张需要复核，{low} 张低风险{notAnalysed}。',
  'note.notAnalysed': '，{count} 张未能分析',
  'note.failed': '{n}. {name} — 无法分析{error}',
  'note.failedReason': '：{error}',
  'note.image': '{n}. {name} — {level}（评分 {score}/100）',
  'note.reason': '   - {title}',
  'note.hashes': '   SHA-256 {sha256}{pdq}',
  'note.pdq': ' · PDQ {pdq}',
  'note.nextStep': '建议的下一步：{recommendation}',
  'note.footer': '这些信号只是迹象，不是证据。ClaimLens 引擎 {version}；所有检查均在客服人员的设备上运行。',
  'video.greeting': '{name}，您好：',
  'video.greetingAnonymous': '您好：',
  'video.order': '（订单 {order}）',
  'video.ask': '感谢您发来的照片{order}。为了尽快处理您的索赔，能否请您回复一段短视频（10–20 秒），拍下：',
  'video.item': '- 商品及损坏处，请环绕拍摄一周；',
  'video.label': '- 包装箱上的快递面单，订单号需清晰可辨。',
  'video.closing': '用手机拍摄即可。感谢您的配合！',

  // ------------------------------------------------------------------ badge

  // ------------------------------------------------------------------ side panel
  'panel.ticket': '{helpdesk} 工单 #{ticket}',
  'panel.summary': '共 {total} 张图片：{high} 张高风险，{review} 张需要复核，{low} 张低风险',
  'panel.loading': '加载中…',
  'panel.empty': '此页面上还没有索赔图片。在受支持的客服工单页面上，图片会自动检查；在其他页面，请右键点击图片并选择“{menu}”。',
  'panel.menuItem': '用 ClaimLens 检查这张图片',
  'panel.notChecked': '此版本尚未检查的项目（{count}）',
  'panel.privacy': '所有检查都在本机上运行。没有发现证据，既不能证明有问题，也不能证明没问题。',
  'card.imageAlt': '索赔图片 {name}',
  'card.checking': '检查中…',
  'card.failed': '无法分析：{error}',
  'card.score': '评分 {score}/100',
  'card.topReasons': '主要原因',
  'card.nextStep': '下一步：',
  'card.allSignals': '全部信号（{count}）',
  'card.visualsOmitted': '为给工单中较新的图片腾出空间，这张图片的热力图未被保留；重新加载工单页面即可再次查看。',
  'card.hash': 'SHA-256 {sha256} · 引擎 {version}',
  'card.dropped': '拖入面板的文件',
  'card.model': '神经网络模型运行于 {backend}',
  'backend.webgpu': 'WebGPU（显卡）',
  'backend.wasm': 'WebAssembly（处理器）',
  'serial.summary': '核对照片上的序列号或订单号',
  'serial.failed': '无法核对：{error}',
  'serial.label': '商品上的序列号或订单号',
  'serial.check': '检查照片',
  'serial.read': '读取照片上的文字',
  'serial.checked': '已与“{serial}”比对',
  'serial.hint': '留空则列出 ClaimLens 在照片上读到的文字。',
  'drop.title': '检查其他来源的照片',
  'drop.hint': '把照片拖到或粘贴到这里（例如客户通过电子邮件发来的照片），或选择文件。照片在本机上检查，并关联到此标签页的工单。',
  'drop.choose': '选择文件…',
  'drop.active': '松开即可检查这张照片',
  'drop.reading': '正在读取 {name}…',
  'drop.sent': '{name} 已加入列表。',
  'drop.notImage': '{name} 不是 ClaimLens 能检查的图片（JPEG、PNG、WebP、HEIC、AVIF、GIF）。',
  'drop.tooLarge': '{name} 大小为 {size} MB；面板最多接受 {max} MB 的文件。',
  'drop.failed': '无法检查 {name}：{error}',
  'drop.noTab': '请先打开包含工单的标签页。',
  'modelStatus.off': '神经网络模型：已在设置中关闭。',
  'modelStatus.idle': '神经网络模型：检查第一张照片时加载。',
  'modelStatus.loading': '正在加载神经网络模型…',
  'modelStatus.progress': '神经网络模型加载中：{loaded} / {total} MB',
  'modelStatus.ready': '神经网络模型已就绪，运行于 {backend}（加载用时 {seconds} 秒）。',
  'modelStatus.failed': '神经网络模型无法加载（{error}）；其他检查照常运行。',
  'evidence.decisive': '决定性',
  'evidence.notWeighted': '不计权重',
  'evidence.weight': '权重 {weight}',
  'evidence.rawValues': '“{title}”的原始数据',
  'evidence.signalId': '信号 ID：{id}',
  'copy.note': '复制内部备注',
  'copy.video': '复制发给客户的视频请求',
  'copy.noteName': '内部备注',
  'copy.videoName': '视频请求',
  'copy.done': '{what}已复制到剪贴板。',
  'copy.failed': '无法复制：{error}',
  'copy.refused': '浏览器拒绝了复制操作',
};
