// The demo page: a plain HTTP client of the server's Google-compatible endpoints.
"use strict";

const KEY = new URLSearchParams(location.search).get("key");  // forwarded when set
const $ = (id) => document.getElementById(id);

async function post(path, body) {
  const headers = { "Content-Type": "application/json" };
  if (KEY) headers["x-goog-api-key"] = KEY;
  const answer = await fetch(path, { method: "POST", headers, body: JSON.stringify(body) });
  const data = await answer.json();
  if (!answer.ok) throw new Error(data.error ? data.error.message : answer.statusText);
  return data;
}

function base64(buffer) {
  let text = "";
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

function escape(text) {
  const div = document.createElement("div");
  div.textContent = text;
  return div.innerHTML;
}

function bars(rows) {  // rows: [name, score in 0..1]
  return rows.map(([name, score]) => `<div class="bar"><span class="name">${escape(name)}</span>` +
    `<span class="track"><span class="fill" style="width:${Math.round(score * 100)}%;display:block"></span></span>` +
    `<span>${Math.round(score * 100)}%</span></div>`).join("") || "<p>Nothing found.</p>";
}

// ---- Vision ----
const FEATURES = ["LABEL_DETECTION", "FACE_DETECTION", "OBJECT_LOCALIZATION",
                  "DOCUMENT_TEXT_DETECTION", "IMAGE_PROPERTIES", "SAFE_SEARCH_DETECTION"];
const LIKELY = { UNKNOWN: 0, VERY_UNLIKELY: 0.05, UNLIKELY: 0.25, POSSIBLE: 0.5, LIKELY: 0.75, VERY_LIKELY: 1 };

async function annotate(file) {
  const image = await createImageBitmap(file);
  $("status").textContent = "Annotating...";
  const content = base64(await file.arrayBuffer());
  const body = { requests: [{ image: { content }, features: FEATURES.map((type) => ({ type, maxResults: 10 })) }] };
  try {
    const answer = (await post("/v1/images:annotate", body)).responses[0];
    show(answer, image);
    $("status").textContent = answer.error ? `Partly answered: ${answer.error.message}` : "Done.";
  } catch (error) {
    $("status").textContent = `Error: ${error.message}`;
  }
}

function show(answer, image) {
  const labels = answer.labelAnnotations || [];
  $("panel-labels").innerHTML = bars(labels.map((l) => [l.description, l.score]));
  const faces = answer.faceAnnotations || [];
  $("panel-faces").innerHTML = faces.length ? faces.map((f, i) => `<h4>Face ${i + 1}</h4>` +
    bars(["joy", "sorrow", "anger", "surprise"].map((k) => [k, LIKELY[f[k + "Likelihood"]] || 0]))).join("")
    : "<p>No face found.</p>";
  const objects = answer.localizedObjectAnnotations || [];
  $("panel-objects").innerHTML = bars(objects.map((o) => [o.name, o.score]));
  const text = answer.fullTextAnnotation ? answer.fullTextAnnotation.text : "";
  $("panel-text").innerHTML = text ? `<pre>${escape(text)}</pre>` : "<p>No text found.</p>";
  const colors = ((answer.imagePropertiesAnnotation || {}).dominantColors || {}).colors || [];
  $("panel-properties").innerHTML = colors.map((c) => {
    const rgb = `rgb(${c.color.red || 0},${c.color.green || 0},${c.color.blue || 0})`;
    return `<div class="bar"><span class="swatch" style="background:${rgb}"></span>` +
      `<span>${rgb}</span><span>${Math.round((c.pixelFraction || 0) * 100)}% of pixels</span></div>`;
  }).join("") || "<p>No colours.</p>";
  const safe = answer.safeSearchAnnotation || {};
  $("panel-safe").innerHTML = bars(["adult", "racy", "violence", "medical", "spoof"]
    .map((k) => [`${k}: ${safe[k] || "UNKNOWN"}`, LIKELY[safe[k]] || 0]));
  $("panel-json").textContent = JSON.stringify(answer, null, 2);
  draw(image, faces, objects, answer.fullTextAnnotation);
}

function draw(image, faces, objects, text) {
  const canvas = $("canvas");
  const scale = Math.min(1, 720 / image.width);
  canvas.width = image.width * scale;
  canvas.height = image.height * scale;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  ctx.lineWidth = 2;
  const poly = (vertices, color) => {
    ctx.strokeStyle = color;
    ctx.beginPath();
    vertices.forEach((v, i) => ctx[i ? "lineTo" : "moveTo"]((v.x || 0) * scale, (v.y || 0) * scale));
    ctx.closePath();
    ctx.stroke();
  };
  for (const face of faces) {
    poly(face.boundingPoly.vertices, "#34a853");
    ctx.fillStyle = "#fbbc04";
    for (const mark of face.landmarks || []) {
      ctx.fillRect((mark.position.x || 0) * scale - 2, (mark.position.y || 0) * scale - 2, 4, 4);
    }
  }
  ctx.font = "14px sans-serif";
  for (const found of objects) {  // normalized vertices: fractions of the image's size
    const corners = found.boundingPoly.normalizedVertices.map((v) =>
      ({ x: (v.x || 0) * image.width, y: (v.y || 0) * image.height }));
    poly(corners, "#ea4335");
    ctx.fillStyle = "#ea4335";
    ctx.fillText(found.name, corners[0].x * scale + 4, corners[0].y * scale + 16);
  }
  for (const page of (text && text.pages) || []) {
    for (const block of page.blocks || []) poly(block.boundingBox.vertices, "#4285f4");
  }
}

function pick(file) {
  if (file) annotate(file);
}

$("image-file").addEventListener("change", (event) => pick(event.target.files[0]));
const drop = $("drop");
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  pick(event.dataTransfer.files[0]);
});
for (const button of document.querySelectorAll("#tabs button")) {
  button.addEventListener("click", () => {
    document.querySelectorAll("#tabs button, .panel").forEach((e) => e.classList.remove("active"));
    button.classList.add("active");
    $(`panel-${button.dataset.tab}`).classList.add("active");
  });
}

// ---- Language and translation ----
function highlight(text, entities) {  // offsets are UTF-16 code units, as JS strings count
  const spans = entities.flatMap((e) => (e.mentions || []).map((m) =>
    ({ start: m.text.beginOffset || 0, end: (m.text.beginOffset || 0) + m.text.content.length, type: e.type })))
    .sort((a, b) => a.start - b.start);
  let html = "", at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    html += escape(text.slice(at, span.start)) +
      `<mark>${escape(text.slice(span.start, span.end))}<sub>${span.type}</sub></mark>`;
    at = span.end;
  }
  return html + escape(text.slice(at));
}

async function analyze() {
  const content = $("text").value;
  const document_ = { type: "PLAIN_TEXT", content };
  $("language-results").textContent = "Analyzing...";
  try {
    const answer = await post("/v1/documents:annotateText", { document: document_, encodingType: "UTF16",
      features: { extractEntities: true, extractDocumentSentiment: true, extractSyntax: true } });
    $("highlighted").innerHTML = highlight(content, answer.entities || []);
    const sentences = (answer.sentences || []).map((s) => `<tr><td>${escape(s.text.content)}</td>` +
      `<td>${((s.sentiment || {}).score || 0).toFixed(2)}</td><td>${((s.sentiment || {}).magnitude || 0).toFixed(2)}</td></tr>`).join("");
    const tokens = (answer.tokens || []).map((t) => `<tr><td>${escape(t.text.content)}</td><td>${t.partOfSpeech.tag}</td>` +
      `<td>${t.dependencyEdge.label}</td><td>${escape(t.lemma || "")}</td></tr>`).join("");
    $("language-results").innerHTML = `<h4>Sentiment per sentence</h4><table><tr><th>sentence</th><th>score</th>` +
      `<th>magnitude</th></tr>${sentences}</table><h4>Syntax</h4><table><tr><th>token</th><th>tag</th><th>label</th>` +
      `<th>lemma</th></tr>${tokens}</table>`;
  } catch (error) {
    $("language-results").textContent = `Error: ${error.message}`;
  }
}

async function translate() {
  try {
    const answer = await post("/language/translate/v2", { q: [$("text").value], target: $("target").value });
    const row = answer.data.translations[0];
    $("language-results").innerHTML = `<h4>Translation (from ${escape(row.detectedSourceLanguage || "?")})</h4>` +
      `<p>${escape(row.translatedText)}</p>`;
  } catch (error) {
    $("language-results").textContent = `Error: ${error.message}`;
  }
}

$("analyze").addEventListener("click", analyze);
$("translate").addEventListener("click", translate);

// ---- Speech ----
$("audio-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  $("transcript").textContent = "Transcribing...";
  try {
    const answer = await post("/v1/speech:recognize", { config: { languageCode: "en-US" },
      audio: { content: base64(await file.arrayBuffer()) } });
    const results = answer.results || [];
    $("transcript").textContent = results.map((r) => r.alternatives[0].transcript).join(" ") || "(no speech heard)";
  } catch (error) {
    $("transcript").textContent = `Error: ${error.message}`;
  }
});
