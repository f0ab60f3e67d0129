import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { sniffMediaType } from './file-type-sniff'
import { acceptUpload, uploadRules } from './upload-limits'

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex')
const text = (s: string) => Buffer.from(s, 'utf8')
/** An ISO BMFF file start: an `ftyp` box with the brands given, then an empty `mdat`. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length
  const box = Buffer.alloc(size)
  box.writeUInt32BE(size, 0)
  box.write('ftyp', 4, 'latin1')
  box.write(major, 8, 'latin1')
  compatible.forEach((b, i) => box.write(b, 16 + 4 * i, 'latin1'))
  return Buffer.concat([box, hex('00000008 6d646174')])
}

// A real 2×2 PNG (as a phone would send), a JFIF JPEG start, a lossy WebP start, an iPhone HEIC start.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAAWAAIB0d0zrwAAAABJRU5ErkJggg==', 'base64')
const jpeg = hex('ffd8ffe0 0010 4a464946 00 0101 0000 0100 0100 0000 ffdb0043')
const webp = Buffer.concat([text('RIFF'), hex('24000000'), text('WEBPVP8 '), hex('18000000 30010092')])
const heic = ftyp('heic', 'mif1', 'heic')

describe('content sniffing decides the type from the bytes', () => {
  it.each([
    ['JPEG (SOI + APP0/JFIF)', jpeg, 'image/jpeg'],
    ['JPEG (SOI + APP1/Exif, as cameras write)', hex('ffd8ffe1 1c45 45786966 0000'), 'image/jpeg'],
    ['PNG', png, 'image/png'],
    ['WebP (RIFF…WEBP)', webp, 'image/webp'],
    ['HEIC (ftyp heic)', heic, 'image/heic'],
    ['HEIC burst (ftyp hevc)', ftyp('hevc', 'mif1', 'msf1', 'hevc'), 'image/heic'],
    ['HEIF with the generic brand first (ftyp mif1 … heic)', ftyp('mif1', 'mif1', 'heic'), 'image/heic'],
    ['PDF', text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
    ['MP3 with an ID3v2.4 tag', Buffer.concat([text('ID3'), hex('04 00 00 00000a7f')]), 'audio/mpeg'],
    ['MP3 starting with a frame (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz)', hex('fffb9064 00000000'), 'audio/mpeg'],
    ['MP3 (MPEG-2 Layer III, 64 kbit/s, 22.05 kHz)', hex('fff38044 00000000'), 'audio/mpeg'],
    ['M4A (ftyp M4A)', ftyp('M4A ', 'M4A ', 'mp42', 'isom'), 'audio/mp4'],
    ['MP4 (ftyp isom)', ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'video/mp4'],
    ['MP4 (ftyp mp42, as phones record)', ftyp('mp42', 'mp42', 'isom'), 'video/mp4'],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffMediaType(bytes)).toBe(expected)
  })

  it('keeps the signature’s type when other bytes follow it: a PNG header followed by HTML is a PNG', () => {
    expect(sniffMediaType(Buffer.concat([png.subarray(0, 8), text('<html><script>alert(document.cookie)</script>')]))).toBe('image/png')
  })

  it.each([
    ['HTML', text('<!DOCTYPE html><html><script src="/api/inspection-files/abc"></script>')],
    ['HTML after white space and a BOM', text('\uFEFF  \n<html><body onload="fetch(\'/api/social/settings\')">')],
    ['SVG with script', text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['JavaScript', text('fetch("/api/social/settings",{method:"POST",body:"{}"})')],
    ['plain text', text('整改报告：已整改完毕')],
    ['GIF (not accepted)', text('GIF89a\x01\x00\x01\x00')],
    ['ZIP / Office document', hex('504b0304 14000600')],
    ['AVIF (HEIF brands, but AV1)', ftyp('avif', 'mif1', 'miaf', 'avif')],
    ['AVIF behind the generic brand', ftyp('mif1', 'mif1', 'avif')],
    ['QuickTime (ftyp qt)', ftyp('qt  ', 'qt  ')],
    ['an ftyp box with an impossible size', Buffer.concat([hex('00000007'), text('ftypisom'), hex('00000000')])],
    ['RIFF that is not WebP (WAVE)', Buffer.concat([text('RIFF'), hex('24000000'), text('WAVEfmt ')])],
    ['PDF header not at the start', text('<html>%PDF-1.7')],
    ['a bare "ID3" with nothing after it', text('ID3')],
    ['an MPEG frame sync with the reserved version', hex('ffeb9064')],
    ['an MPEG frame sync with a bad bitrate index', hex('fffbf064')],
    ['an MPEG Layer I frame (not MP3)', hex('ffff9064')],
    ['nothing', Buffer.alloc(0)],
    ['a single JPEG byte', hex('ff')],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffMediaType(bytes)).toBeNull()
  })
})

describe('each kind accepts its own types', () => {
  it('a photo is JPEG, PNG, WebP or HEIC up to 15 MB; a PDF or a video is not a photo', () => {
    expect(acceptUpload('photo', jpeg)).toEqual({ mediaType: 'image/jpeg', maxBytes: 15 * 1024 * 1024 })
    expect(acceptUpload('photo', heic).mediaType).toBe('image/heic')
    for (const notPhoto of [text('%PDF-1.4'), ftyp('isom', 'isom')]) {
      const refusal = (() => {
        try {
          acceptUpload('photo', notPhoto)
        } catch (error) {
          return error
        }
      })()
      expect(refusal).toBeInstanceOf(AppError)
      expect(refusal).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('JPEG、PNG、WebP、HEIC') })
    }
  })

  it('evidence adds PDF, MP3, M4A and MP4, a video up to 200 MB; HTML is refused naming every accepted type', () => {
    expect(acceptUpload('evidence', text('%PDF-1.4')).mediaType).toBe('application/pdf')
    expect(acceptUpload('evidence', ftyp('M4A ', 'M4A ')).mediaType).toBe('audio/mp4')
    expect(acceptUpload('evidence', ftyp('mp42', 'mp42'))).toEqual({ mediaType: 'video/mp4', maxBytes: 200 * 1024 * 1024 })
    expect(uploadRules.evidence['image/png']).toBe(15 * 1024 * 1024)
    expect(() => acceptUpload('evidence', text('<html>'))).toThrow('证据材料只接受 JPEG、PNG、WebP、HEIC、PDF、MP3、M4A、MP4 格式的文件')
  })
})
