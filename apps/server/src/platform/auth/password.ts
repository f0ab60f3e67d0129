import { hash, verify } from '@node-rs/argon2'
import { AppError } from '../errors'

// OWASP's argon2id baseline (m = 19 MiB, t = 2, p = 1): about 80 ms here.
const options = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/**
 * 等保二级 password rules: at least 8 characters from at least three of the four classes
 * (upper case, lower case, digits, symbols), and not containing the user name.
 *
 * @example
 * checkPasswordRules('Lufeng@2026', 'zhangsan') // passes
 * checkPasswordRules('12345678', 'zhangsan')    // throws PASSWORD_RULES
 */
export function checkPasswordRules(password: string, username: string): void {
  const problems: string[] = []
  if (password.length < 8) problems.push('长度至少 8 位')
  if (password.length > 128) problems.push('长度不超过 128 位')
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (classes < 3) problems.push('须包含大写字母、小写字母、数字、符号中的至少三类')
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('不得包含用户名')
  if (problems.length > 0) {
    throw new AppError('PASSWORD_RULES', `密码不符合要求：${problems.join('；')}`, { problems })
  }
}
