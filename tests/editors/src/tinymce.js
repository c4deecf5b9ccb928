// TinyMCE 6 (MIT), iframe mode: replaces a <textarea> with an editor whose body is in an iframe.
import { mountTinymce } from './tinymce-mount.js';
import { register } from './register.js';

register('tinymce', (element) => mountTinymce(element));
