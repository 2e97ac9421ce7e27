import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import type { Config } from '@apotheca/kernel'

/** Sends e-mail; answers the provider's message id. */
export interface Mailer {
  send(m: { to: string; subject: string; text: string }): Promise<string>
}

/**
 * SMTP when APOTHECA_SMTP_URL is set; otherwise (embedded mode) each message is rendered as a real
 * RFC 5322 file into <data>/mail/, where a developer can open it.
 */
export function createMailer(config: Config): Mailer {
  const from = config.APOTHECA_MAIL_FROM
  if (config.APOTHECA_SMTP_URL) {
    const transport = nodemailer.createTransport(config.APOTHECA_SMTP_URL)
    return { send: async (m) => (await transport.sendMail({ from, ...m })).messageId }
  }
  const dir = join(config.APOTHECA_DATA, 'mail')
  mkdirSync(dir, { recursive: true })
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    async send(m) {
      const info = await transport.sendMail({ from, ...m })
      const { writeFile } = await import('node:fs/promises')
      await writeFile(join(dir, `${Date.now()}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`), info.message as Buffer, { mode: 0o600 })
      return info.messageId
    },
  }
}
