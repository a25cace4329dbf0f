import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { signOut } from '~/domain/accounts/session.server'

export const action = ({ request }: ActionFunctionArgs) => signOut(request)
export const loader = () => redirect('/')
