// Reads QR codes from the camera: the browser's BarcodeDetector where it exists, else jsQR on frames.
// jsQR is loaded only when the camera is turned on without BarcodeDetector: most visits never need it,
// and it would otherwise weigh on every phone's first load of the check-in page. No React here: the
// light first-visit check-in page uses it as the full app's CameraScanner does.
interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

const REPEAT_MS = 2500; // the same code held in front of the camera is reported once per 2.5 s

/** Starts the camera into `video` and reports each code read; returns the function that stops it. */
export function startCameraReader(
  video: HTMLVideoElement,
  onCode: (text: string) => void,
  onUnavailable: () => void,
): () => void {
  let stream: MediaStream | null = null;
  let stopped = false;
  let last = { text: '', at: 0 };
  const Ctor = (globalThis as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
  const detector = Ctor ? new Ctor({ formats: ['qr_code'] }) : null;
  const canvas = document.createElement('canvas');
  let decode: typeof import('jsqr').default | null = null;
  const decoder = detector ? null : import('jsqr').then((m) => (decode = m.default));

  async function read(v: HTMLVideoElement): Promise<string | null> {
    if (detector) return (await detector.detect(v))[0]?.rawValue ?? null;
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx || !canvas.width || !decode) return null;
    ctx.drawImage(v, 0, 0);
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return decode(img.data, img.width, img.height)?.data ?? null;
  }

  async function loop() {
    if (stopped) return;
    try {
      const text = video.readyState >= 2 ? await read(video) : null;
      const now = Date.now();
      if (text && (text !== last.text || now - last.at > REPEAT_MS)) {
        last = { text, at: now };
        onCode(text);
      }
    } catch {
      // a frame that cannot be read: try the next one
    }
    setTimeout(() => void loop(), 200);
  }

  if (!navigator.mediaDevices) onUnavailable();
  navigator.mediaDevices
    ?.getUserMedia({ video: { facingMode: 'environment' } })
    .then(async (s) => {
      stream = s;
      if (stopped) return;
      video.srcObject = s;
      await video.play();
      await decoder;
      void loop();
    })
    .catch(() => onUnavailable());
  return () => {
    stopped = true;
    stream?.getTracks().forEach((tr) => tr.stop());
  };
}
