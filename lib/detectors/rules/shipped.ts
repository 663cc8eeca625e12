/**
 * The YARA rules ClaimLens ships: byte patterns that AI image tools, AI editors and Content
 * Credentials leave inside the files they write. They run over every file next to the team's
 * own rules (rules.yara). Most repeat, byte for byte, what a provenance or metadata check
 * already found; they are corroboration for the agent and a signal for calibration, never
 * decisive, and their weight stays 0 until `claimlens eval` calibrates it.
 *
 * Conventions for every rule here:
 * - `meta: description` is shown to the support agent as is: what was found, what it usually
 *   means, what else could explain it. Plain ASCII.
 * - `meta: points` is "ai", "edited" or "neutral" (what the match points to).
 * - Rule names are stable: they become evidence ids (`rules.yara.<name>`) that calibration.json
 *   refers to. Renaming a rule means recalibrating.
 * - Text is matched `ascii wide` where a tool may write it in UTF-16 (EXIF UserComment,
 *   Windows XMP): `wide` also finds big-endian UTF-16 text one byte later.
 * - Text squeezed by compression (zTXt chunks, compressed iTXt, brotli-compressed C2PA) is not
 *   visible to byte rules; the generator and C2PA checks read those.
 */
export const SHIPPED_RULES = String.raw`
rule a1111_parameters
{
  meta:
    description = "The file carries a Stable Diffusion settings record in the AUTOMATIC1111 / Forge format (the prompt followed by 'Steps: ..., Sampler: ...'). Image generators write this when they save a picture; cameras and phones never do. A customer could only have it innocently if they sent a picture they generated themselves."
    points = "ai"
  strings:
    $png_keyword = /(tEXt|iTXt)parameters\x00/
    $steps = "Steps: " ascii wide
    $sampler = ", Sampler: " ascii wide
    $cfg = ", CFG scale: " ascii wide
    $seed = ", Seed: " ascii wide
  condition:
    $steps and $sampler and ($png_keyword or $cfg or $seed)
}

rule comfyui_workflow
{
  meta:
    description = "The file carries a ComfyUI workflow (the node graph of an AI image generator: 'class_type' / 'inputs' nodes or a saved editor layout). ComfyUI embeds it in every picture it saves. A photo taken with a camera never contains one."
    points = "ai"
  strings:
    $class_type = "\"class_type\"" ascii wide
    $inputs = "\"inputs\"" ascii wide
    $last_node = "\"last_node_id\"" ascii wide
    $links = "\"links\"" ascii wide
  condition:
    ($class_type and $inputs) or ($last_node and $links)
}

rule invokeai_metadata
{
  meta:
    description = "The file carries InvokeAI generation data (the 'invokeai_metadata', 'sd-metadata' or 'Dream' record that the InvokeAI image generator saves with its pictures, including the prompt). Cameras and phones never write it."
    points = "ai"
  strings:
    $metadata = "invokeai_metadata" ascii wide
    $sd_metadata = /(tEXt|iTXt)sd-metadata\x00/
    $dream = /(tEXt|iTXt)Dream\x00/
    $name = "InvokeAI" ascii wide nocase
  condition:
    any of them
}

rule novelai_marker
{
  meta:
    description = "The file names NovelAI, an AI image generator, which writes its name into the pictures it creates. A camera photo never contains it."
    points = "ai"
  strings:
    $name = "NovelAI" ascii wide
  condition:
    $name
}

rule fooocus_marker
{
  meta:
    description = "The file names Fooocus, a Stable Diffusion image generator, which records itself in the pictures it saves. A camera photo never contains it."
    points = "ai"
  strings:
    $name = "Fooocus" ascii wide nocase
  condition:
    $name
}

rule stable_diffusion_marker
{
  meta:
    description = "The file mentions Stable Diffusion, the AI image model behind many image generators, in its data (usually the software name or the model used). A camera photo never contains it; an innocent explanation is rare."
    points = "ai"
  strings:
    $name = "Stable Diffusion" ascii wide nocase
    $dashed = "stable-diffusion" ascii wide nocase
  condition:
    any of them
}

rule midjourney_marker
{
  meta:
    description = "The file names Midjourney, an AI image generator. Midjourney writes its name and the job id into the pictures it delivers. A camera photo never contains it."
    points = "ai"
  strings:
    $name = "Midjourney" ascii wide nocase
  condition:
    $name
}

rule dalle_marker
{
  meta:
    description = "The file names DALL-E, OpenAI's AI image generator (usually in its Content Credentials or software field). A camera photo never contains it."
    points = "ai"
  strings:
    $ascii = "DALL-E" ascii wide nocase
    $utf8 = { 44 41 4C 4C C2 B7 45 }
    $latin1 = { 44 41 4C 4C B7 45 }
    $utf16 = { 44 00 41 00 4C 00 4C 00 B7 00 45 00 }
  condition:
    any of them
}

rule openai_chatgpt_marker
{
  meta:
    description = "The file was written by an OpenAI image tool (its data names 'ChatGPT' or the 'OpenAI-API' as the program that produced it). These tools create or alter pictures with AI. A camera photo never contains it."
    points = "ai"
  strings:
    $chatgpt = "ChatGPT" ascii wide
    $api = "OpenAI-API" ascii wide
  condition:
    any of them
}

rule microsoft_image_creator
{
  meta:
    description = "The file names Microsoft's AI image generator (Image Creator / Bing Image Creator / Microsoft Designer, or Microsoft's Responsible AI signing tool). Microsoft labels the pictures it generates this way. A camera photo never contains it."
    points = "ai"
  strings:
    $designer = "Image Creator from Designer" ascii wide
    $bing = "Bing Image Creator" ascii wide
    $ms_designer = "Microsoft Designer" ascii wide
    $rai = "Microsoft_Responsible_AI" ascii wide
  condition:
    any of them
}

rule adobe_firefly_marker
{
  meta:
    description = "The file names Adobe Firefly, Adobe's generative AI. It appears when a picture was generated with Firefly or when part of it was filled in or changed with it (for example Photoshop Generative Fill). The damage shown may have been added; a customer who only removed a background object would leave the same mark."
    points = "ai"
  strings:
    $name = "Adobe Firefly" ascii wide
  condition:
    $name
}

rule google_ai_made
{
  meta:
    description = "The file carries Google's 'Made with Google AI' credit, which Google writes into pictures generated by its AI (Pixel Studio, Gemini, Imagen). A camera photo never carries it."
    points = "ai"
  strings:
    $with = "Made with Google AI" ascii wide nocase
    $by = "Made by Google AI" ascii wide nocase
  condition:
    any of them
}

rule google_ai_edited
{
  meta:
    description = "The file carries Google's 'Edited with Google AI' credit, written when a photo was changed with Google Photos AI tools (Magic Editor, Magic Eraser, Zoom Enhance). Part of the picture may have been generated; removing a distracting background object leaves the same credit, so check what was edited."
    points = "ai"
  strings:
    $credit = "Edited with Google AI" ascii wide nocase
  condition:
    $credit
}

rule apple_photos_clean_up
{
  meta:
    description = "The file carries Apple's 'Clean Up' credit, written when an object was removed from the photo with the AI Clean Up tool of Apple Photos. Usually innocent (removing a distracting object), but the removed area was filled in by AI, so check that it is not the damage itself."
    points = "ai"
  strings:
    $credit = "Apple Photos Clean Up" ascii wide
    $modified = "Modified with Clean Up" ascii wide
  condition:
    any of them
}

rule samsung_generative_edit
{
  meta:
    description = "The file carries Samsung Gallery's generative edit record (PEg_Info), which Galaxy AI features such as Generative Edit leave after changing a photo. Part of the picture may have been generated or moved. Samsung does not document this record, so treat it as a reason to look closer, not as proof."
    points = "ai"
  strings:
    $block = "PEg_Info" ascii
  condition:
    $block
}

rule iptc_trained_algorithmic_media
{
  meta:
    description = "The file carries the industry-standard label for pictures created by generative AI (IPTC digital source type 'trainedAlgorithmicMedia'), which AI image tools write into what they generate. A camera never writes it."
    points = "ai"
  strings:
    $term = "trainedAlgorithmicMedia" ascii wide
  condition:
    $term
}

rule iptc_composite_with_trained_algorithmic_media
{
  meta:
    description = "The file carries the standard label for pictures edited with generative AI (IPTC digital source type 'compositeWithTrainedAlgorithmicMedia'), which editors write when part of a picture was generated (generative fill, AI edits on phones). The damage shown may have been added or changed; removing a background object leaves the same label."
    points = "ai"
  strings:
    $term = "compositeWithTrainedAlgorithmicMedia" ascii wide
  condition:
    $term
}

rule c2pa_manifest_store
{
  meta:
    description = "The file contains Content Credentials (a C2PA manifest in a JUMBF box): a signed record of the tools that created or edited it. On its own this is neither good nor bad: some cameras and phones sign their photos, and AI tools and editors add records too. The Content Credentials check says what the record declares and whether its signature is valid."
    points = "neutral"
  strings:
    $store = { 6A 75 6D 64 63 32 70 61 00 11 00 10 80 00 00 AA 00 38 9B 71 }
    $jumb = "jumb"
    $claim = "c2pa.claim"
  condition:
    $store or ($jumb and $claim)
}
`;
