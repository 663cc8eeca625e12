/**
 * The options page's English texts: headings, labels, help, buttons, statuses and error
 * messages, keyed `options.<section>.<text>`. en.ts includes them in the English catalogue, so
 * `t()` renders them like every other message. Keys ending in `.one`/`.many` are the singular
 * and plural forms of one text; the page picks one by the count.
 */
export const OPTIONS_EN = {
  // ------------------------------------------------------------------ page
  'options.title': 'ClaimLens settings',
  'options.loading': 'Loading…',
  'options.loadFailed': 'The settings could not be loaded: {error}',
  'options.intro': 'How ClaimLens checks claim photos for your team. Everything runs on this device.',
  'options.managed.one': 'Your organisation manages one of these options: it is marked “{locked}” and cannot be changed here.',
  'options.managed.many': 'Your organisation manages {count} of these options: they are marked “{locked}” and cannot be changed here.',
  'options.locked': 'Set by your organisation',
  'options.save': 'Save',
  'options.saved': 'Saved',
  'options.saveFailed': 'The settings could not be saved: {error}',
  'options.notSaved': 'Not saved. Please correct:',
  'options.privacy': 'Images, hashes and settings stay in this browser unless you export them.',

  // ------------------------------------------------------------------ field labels, by setting path
  'options.field.verdict.reviewAt': 'Needs review from score',
  'options.field.verdict.highAt': 'High risk from score',
  'options.field.verdict.recommendations.low': 'Next step for low risk',
  'options.field.verdict.recommendations.review': 'Next step when review is needed',
  'options.field.verdict.recommendations.high': 'Next step for high risk',
  'options.field.policy.claimWindowDays': 'Claim window (days)',
  'options.field.policy.customerClaimLimit': 'Claims per customer before a flag',
  'options.field.policy.orderClaimLimit': 'Claims per order before a flag',
  'options.field.retentionDays': 'Keep case memory for (days)',
  'options.field.modelEnabled': 'Use the neural AI-image detector',
  'options.field.sites': 'Helpdesks',
  'options.field.customSites': 'Your own helpdesk addresses',
  'options.field.yaraRules': 'YARA rules source',
  'options.field.knownBadHashes': 'Known-bad photo hashes',

  // ------------------------------------------------------------------ validation messages
  'options.problem.field': '{field}: {problem}',
  'options.problem.wholeNumber': 'expected a whole number from {min} to {max}',
  'options.problem.text': 'expected text of at most {max} characters',
  'options.problem.hashListSize': 'expected a list of at most {max} hashes',
  'options.problem.hashEntries': 'expected a list of {sha256, pdq, note} entries',
  'options.problem.hashKind': 'expected entries with a sha256 or a pdq hash',
  'options.problem.hashFormat': 'expected hashes of 64 lowercase hex digits',
  'options.problem.noteLength': 'expected notes of at most {max} characters',
  'options.problem.boolean': 'expected true or false',
  'options.problem.sites': 'expected an object of site ids to true/false',
  'options.problem.origins': 'expected a list of https origins such as https://support.example.com',
  'options.problem.above': 'must be above “{other}”',
  'options.problem.notObject': 'Settings must be a JSON object',

  // ------------------------------------------------------------------ sites
  'options.sites.heading': 'Sites',
  'options.sites.hint': 'Claim images on these helpdesks are checked automatically. A change applies from the next page load.',
  'options.customSites.hint':
    'Another helpdesk, or your own domain for one? Add its https address: your browser asks you to allow ClaimLens to read its pages, and claim images there are then checked automatically.',
  'options.customSites.list': 'Added helpdesk addresses',
  'options.customSites.checkingAccess': 'checking access…',
  'options.customSites.accessGranted': 'access granted',
  'options.customSites.accessMissing': 'access not granted',
  'options.customSites.grant': 'Grant access',
  'options.customSites.grantLabel': 'Grant access to {origin}',
  'options.customSites.remove': 'Remove',
  'options.customSites.removeLabel': 'Remove {origin}',
  'options.customSites.address': 'Helpdesk address',
  'options.customSites.add': 'Add and allow access',
  'options.customSites.duplicate': '{origin} is already in the list.',
  'options.customSites.notAdded': 'Access to {origin} was not granted, so it was not added.',
  'options.customSites.added': '{origin} added. Its pages are checked automatically from the next page load.',
  'options.customSites.askFailed': 'Could not ask for access to {origin}: {error}',
  'options.customSites.granted': 'Access to {origin} granted.',
  'options.customSites.refused': 'Access to {origin} was not granted.',
  'options.customSites.removed': '{origin} removed; ClaimLens no longer has access to it.',
  'options.origin.empty': 'Enter your helpdesk’s address, such as https://support.example.com.',
  'options.origin.notAddress': '“{input}” is not a web address. Enter one such as https://support.example.com.',
  'options.origin.notHttps': 'Only https addresses can be added: ClaimLens does not read helpdesk pages sent without encryption.',
  'options.origin.credentials': 'Enter the address without a user name or password.',
  'options.origin.badHost': '“{input}” is not a host name ClaimLens can use, such as support.example.com.',
  'options.origin.covered': '{origin} is a supported helpdesk: ClaimLens already checks it (see the list above).',

  // ------------------------------------------------------------------ verdict
  'options.verdict.heading': 'Verdict',
  'options.verdict.thresholds': 'Score thresholds',
  'options.verdict.thresholdsHint':
    'Every image gets a score from 0 to 100; these thresholds turn it into a level. Decisive evidence (for example a signed AI manifest) sets the level directly.',
  'options.verdict.steps': 'Recommended next steps',
  'options.verdict.stepsHint':
    'Shown to agents on every image card, and copied into the internal note. The default texts appear in each agent’s language; a text your team writes is shown as written.',

  // ------------------------------------------------------------------ claim policy
  'options.policy.heading': 'Claim policy',
  'options.policy.limits': 'Claim limits',
  'options.policy.hint':
    'A customer or an order with more claims than these within the window is flagged for review. Counts come from the case memory on this device.',

  // ------------------------------------------------------------------ case memory
  'options.memory.heading': 'Case memory',
  'options.memory.retention': 'Retention',
  'options.memory.retentionHint':
    'ClaimLens remembers a fingerprint of each claim photo and its ticket, on this device only, to spot the same photo reused. Older sightings are deleted.',
  'options.memory.forget': 'Forget everything',
  'options.memory.forgetHint':
    'Empties the case memory on this device now: every photo fingerprint and ticket history ClaimLens kept. This cannot be undone.',
  'options.memory.forgetButton': 'Forget everything…',
  'options.memory.question': 'Empty the case memory on this device?',
  'options.memory.confirm': 'Yes, forget everything',
  'options.memory.cancel': 'Cancel',
  'options.memory.done': 'Done: the case memory on this device is empty. Photos seen from now on are remembered again.',
  'options.memory.failed': 'The case memory could not be emptied: {error}.',
  'options.memory.noAnswer': 'the extension did not answer',

  // ------------------------------------------------------------------ neural detector
  'options.model.heading': 'Neural detector',
  'options.model.legend': 'On-device model',
  'options.model.hint':
    'The neural detector may not be present in this build. When it is missing this switch changes nothing, and the side panel lists the detector under “Not checked in this version”.',

  // ------------------------------------------------------------------ YARA rules
  'options.yara.heading': 'YARA rules',
  'options.yara.legend': 'Team rules',
  'options.yara.about':
    'Your rules run over the bytes of every claim file, next to the rules ClaimLens ships (generator strings, Content Credentials labels, known tool markers). A match is shown to the agent with the rule’s {description} meta; {points} sets what it points to.',
  'options.yara.hint': 'Checked as you type; saved with the Save button.',
  'options.yara.checking': 'Checking the rules…',
  'options.yara.checkFailed': 'Could not check the rules: {error}',
  'options.yara.noAnswer': 'No answer from the extension',
  'options.yara.compiled': '{count} rule(s) compile: {names}',
  'options.yara.errors': 'These rules do not compile; until fixed they are skipped (the other checks still run):',
  'options.yara.line': 'Line {line}: {message}',
  'options.yara.warnings': 'Warnings',

  // ------------------------------------------------------------------ files
  'options.files.heading': 'Files',
  'options.files.settings': 'Settings file',
  'options.files.settingsHint':
    'Share one configuration across the team. Export writes the saved settings. Importing checks the file’s checksum, then saves its settings at once and replaces unsaved changes on this page.',
  'options.files.export': 'Export settings',
  'options.files.import': 'Import a settings file',
  'options.files.exported': 'Settings exported. The file downloads to your browser’s download folder.',
  'options.files.nothingImported': 'Nothing was imported.',
  'options.files.noSettings': 'The file holds no ClaimLens settings. Nothing was imported.',
  'options.files.imported.one': 'Imported {count} setting from {file} and saved it.',
  'options.files.imported.many': 'Imported {count} settings from {file} and saved them.',
  'options.files.kept.one': '{count} setting is set by your organisation and stayed as it was.',
  'options.files.kept.many': '{count} settings are set by your organisation and stayed as they were.',
  'options.files.importedAndKept': '{imported} {kept}',
  'options.hashes.hint':
    'Photos your team already knows to be fraudulent, shared as hash lists. A claim photo with the same hash is flagged. Importing adds the file’s hashes to the list; it never removes any.',
  'options.hashes.inList.one': '{count} hash in the list.',
  'options.hashes.inList.many': '{count} hashes in the list.',
  'options.hashes.export': 'Export hash list',
  'options.hashes.import': 'Import a hash list',
  'options.hashes.exported.one': 'Exported {count} hash.',
  'options.hashes.exported.many': 'Exported {count} hashes.',
  'options.hashes.count.one': '{count} hash',
  'options.hashes.count.many': '{count} hashes',
  'options.hashes.duplicates.one': '{count} was already in the list',
  'options.hashes.duplicates.many': '{count} were already in the list',
  'options.hashes.added': 'Added {added} from {file}. The list now has {total}.',
  'options.hashes.addedWithDuplicates': 'Added {added} from {file} ({duplicates}). The list now has {total}.',
  'options.import.notJson': 'The file is not valid JSON.',
  'options.import.notSettings': 'This is not a ClaimLens settings file.',
  'options.import.notHashList': 'This is not a ClaimLens hash list file.',
  'options.import.version': 'Unsupported file version {version}.',
  'options.import.checksum': 'The checksum does not match: the file was changed or damaged after export. Nothing was imported.',
} as const;

export type OptionsKey = keyof typeof OPTIONS_EN;
