import type { ReactNode } from 'react'

/** A page of the public portal. `inMenu` pages show in the header. */
export type PortalPage = { path: string; label: string; element: ReactNode; inMenu: boolean; description?: string }

/** Every portal page; capabilities add theirs here. */
export const portalPages: PortalPage[] = []
