import { contextBridge, ipcRenderer } from 'electron';

// The renderer's only door to the backend: one function, no Node, no ipcRenderer itself.
contextBridge.exposeInMainWorld('sipeka', {
  invoke: (procedure: string, input: unknown) => ipcRenderer.invoke('sipeka:invoke', procedure, input),
});
