// A bound textarea under Angular 17 (MIT), compiled in the browser (JIT, no CLI), with zone.js
// patching the page's event listeners and promises as it does in Angular EHRs.
import '@angular/compiler';
import 'zone.js';
import { Component } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { register } from './register.js';

const fieldId = (element) => element.dataset.fieldId || `${element.id || 'note'}-field`;

let angularCount = 0;
register('angular-textarea', async (element) => {
  angularCount += 1;
  const selector = `note-field-${angularCount}`;
  element.append(document.createElement(selector));
  const id = fieldId(element);
  const NoteField = Component({
    selector,
    standalone: true,
    template: `<textarea id="${id}" rows="10" style="width:600px;min-height:200px" [value]="text" (input)="text = $any($event.target).value"></textarea>`,
  })(class { text = ''; });
  await bootstrapApplication(NoteField);
  return element;
});
