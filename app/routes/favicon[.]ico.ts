export { loader } from './favicon[.]svg'
