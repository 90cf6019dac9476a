import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { ImportPage } from './ImportPage';

export const App = () => (
  <Routes>
    <Route index element={<ImportPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);
