/**
 * Messages the platform sends to people outside it (an enterprise's registered contact). No sender is
 * configured by default: a deployment that has an SMS or e-mail gateway plugs one in through
 * `AppDeps.notifier`; without one, what would be sent is printed on a sealed letter instead, so a
 * secret never has to pass through the screen of the staff member who asked for it.
 */
export type Notifier = {
  /** How the message travels, as shown to the issuer ('短信' or '电子邮件'). */
  readonly channelLabel: string
  /**
   * Sends an enterprise's account activation code to its registered contact. Resolves with the
   * recipient as the issuer may see it (masked, e.g. 138****1234); rejects when it cannot be sent.
   */
  sendActivationCode(message: ActivationCodeMessage): Promise<{ maskedRecipient: string }>
}

export type ActivationCodeMessage = {
  enterpriseName: string
  creditCode: string
  contactName: string | null
  contactPhone: string | null
  code: string
  expiresAt: Date
  /** Where the enterprise opens its account (the mobile app's activation page). */
  activateUrl: string
}
