// The camera button and its video: turning it on starts camera-reader.ts on the video.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startCameraReader } from './camera-reader';

export function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const callback = useRef(onCode);
  callback.current = onCode;

  useEffect(() => {
    if (!on) return;
    if (!video.current) return;
    return startCameraReader(
      video.current,
      (text) => callback.current(text),
      () => setError(t('scanner.cameraUnavailable')),
    );
  }, [on, t]);

  return (
    <div className="camera">
      <button type="button" onClick={() => setOn(!on)}>
        {on ? t('scanner.cameraOff') : t('scanner.cameraOn')}
      </button>
      {error && <p role="alert">{error}</p>}
      {on && <video ref={video} muted playsInline />}
    </div>
  );
}
