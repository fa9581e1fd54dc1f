// Reads QR codes from the camera: the browser's BarcodeDetector where it exists, else jsQR on frames.
// jsQR is loaded only when the camera is turned on without BarcodeDetector: most visits never need it,
// and it would otherwise weigh on every phone's first load of the check-in page.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorCtor = new (opts: { formats: string[] }) => Detector;

const REPEAT_MS = 2500; // the same code held in front of the camera is reported once per 2.5 s

export function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const callback = useRef(onCode);
  callback.current = onCode;

  useEffect(() => {
    if (!on) return;
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
      const v = video.current;
      if (stopped || !v) return;
      try {
        const text = v.readyState >= 2 ? await read(v) : null;
        const now = Date.now();
        if (text && (text !== last.text || now - last.at > REPEAT_MS)) {
          last = { text, at: now };
          callback.current(text);
        }
      } catch {
        // a frame that cannot be read: try the next one
      }
      setTimeout(() => void loop(), 200);
    }

    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        await decoder;
        void loop();
      })
      .catch(() => setError(t('scanner.cameraUnavailable')));
    if (!navigator.mediaDevices) setError(t('scanner.cameraUnavailable'));
    return () => {
      stopped = true;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, [on, t]);

  return (
    <div className="camera">
      <button type="button" onClick={() => setOn(!on)}>
        {on ? t('scanner.cameraOff') : t('scanner.cameraOn')}
      </button>
      {error && <p role="alert">{error}</p>}
      {on && <video ref={video} muted playsInline style={{ width: '100%', maxWidth: 420 }} />}
    </div>
  );
}
