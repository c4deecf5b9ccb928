// TinyMCE 6 (MIT), inline mode: the div itself becomes the editor, its toolbar floats on focus.
import { mountTinymce } from './tinymce-mount.js';
import { register } from './register.js';

register('tinymce-inline', (element) => mountTinymce(element, { inline: true, menubar: false, height: undefined }));
