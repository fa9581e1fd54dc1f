export const settingsVi = {
  title: 'Bảo mật tài khoản',
  password: {
    title: 'Đổi mật khẩu',
    current: 'Mật khẩu hiện tại',
    next: 'Mật khẩu mới',
    hint: 'Ít nhất 10 ký tự, gồm chữ và số hoặc ký hiệu.',
    submit: 'Đổi mật khẩu',
    done: 'Đã đổi mật khẩu.',
  },
  totp: {
    title: 'Xác thực hai lớp (TOTP)',
    enabled: 'Đang bật: mỗi lần đăng nhập cần mã từ ứng dụng xác thực.',
    intro:
      'Dùng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…) để có thêm một lớp bảo vệ.',
    start: 'Bắt đầu cài đặt',
    scan: 'Quét mã QR bằng ứng dụng xác thực, hoặc nhập khóa bí mật:',
    secret: 'Khóa bí mật',
    code: 'Mã 6 số từ ứng dụng',
    enable: 'Bật xác thực hai lớp',
    done: 'Đã bật xác thực hai lớp.',
    qrAlt: 'Mã QR cài đặt ứng dụng xác thực',
  },
};

export const settingsEn: typeof settingsVi = {
  title: 'Account security',
  password: {
    title: 'Change password',
    current: 'Current password',
    next: 'New password',
    hint: 'At least 10 characters, with letters and digits or symbols.',
    submit: 'Change password',
    done: 'Password changed.',
  },
  totp: {
    title: 'Two-factor authentication (TOTP)',
    enabled: 'On: every sign-in asks for a code from your authenticator app.',
    intro:
      'Use an authenticator app (Google Authenticator, Microsoft Authenticator…) for an extra layer of protection.',
    start: 'Start set-up',
    scan: 'Scan the QR code with your authenticator app, or enter the secret key:',
    secret: 'Secret key',
    code: '6-digit code from the app',
    enable: 'Turn on two-factor authentication',
    done: 'Two-factor authentication is on.',
    qrAlt: 'Authenticator set-up QR code',
  },
};
