"""The cloud path end to end, with no Google account: against cogsdk's loopback fake.

`cogsdk.testing.FakeGoogle` speaks the REST shapes of the five Google APIs on
127.0.0.1 and answers with canned, Google-shaped data, so every line below runs the real
official clients, retries and parsing. Point `endpoint=` at Google (or leave it out, with
credentials) and the same code talks to Google Cloud.
"""

import io

import numpy as np
from PIL import Image

from cogsdk import Cog
from cogsdk.testing import FakeGoogle


def main() -> None:
    image = io.BytesIO()
    Image.linear_gradient("L").resize((128, 96)).convert("RGB").save(image, "PNG")
    with FakeGoogle() as fake:
        print(f"fake Google server on {fake.url} (answers are canned)")
        cog = Cog(mode="cloud", offline=False, endpoint=fake.url)
        labels = cog.vision.labels(image.getvalue(), max_results=3)
        print("vision.labels     ", [(x.description, round(x.score, 2)) for x in labels],
              f"[{labels.backend}, {labels.model}]")
        face = cog.vision.faces(image.getvalue())[0]
        print("vision.faces      ", f"joy={face.joy.name} box={face.bounding_box}")
        print("vision.text       ", repr(cog.vision.text(image.getvalue()).text))
        batch = cog.vision.labels([image.getvalue(), b"not an image"])
        print("vision.labels list", [type(x).__name__ for x in batch])
        audio = np.zeros(16000, dtype=np.float32)
        print("speech.transcribe ", repr(cog.speech.transcribe(audio, sample_rate=16000).text))
        entities = cog.language.entities("Ada Lovelace worked with Charles Babbage.")
        print("language.entities ", [(e.name, e.type, round(e.salience, 2)) for e in entities])
        print("translation       ", cog.translation.translate("Good morning", "es").text)
        shots = cog.video.shots("gs://bucket/clip.mp4")
        print("video.shots       ", [tuple(s) for s in shots])
        print(f"requests served by the fake: {len(fake.requests)}")


if __name__ == "__main__":
    main()
